package dev.shingi.rest;

import dev.shingi.deliberation.api.AsOf;
import dev.shingi.deliberation.api.CommentRegister;
import dev.shingi.deliberation.api.Ids;
import dev.shingi.deliberation.api.UnknownRecord;
import dev.shingi.edge.ReadClock;
import dev.shingi.edge.RequestMetadata;
import dev.shingi.platform.Ledger;
import dev.shingi.security.AccessPolicy;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** What every controller does the same way: stamp times, record with read-your-writes, ask queries. */
@Component
class Edge {
    private final Ledger ledger;
    private final QueryGateway queries;
    private final RequestMetadata metadata;
    private final ReadClock clock;
    private final CommentRegister comments;
    final AccessPolicy access;

    Edge(Ledger ledger, QueryGateway queries, RequestMetadata metadata, ReadClock clock, AccessPolicy access,
         CommentRegister comments) {
        this.comments = comments;
        this.access = access;
        this.ledger = ledger;
        this.queries = queries;
        this.metadata = metadata;
        this.clock = clock;
    }

    Instant now() {
        return clock.now();
    }

    /** The command's occurredAt: as given, or the moment the request was received. Never in the future. */
    Instant occurredAt(OffsetDateTime given, Instant received) {
        return occurredAt("occurredAt", given, received);
    }

    Instant occurredAt(String field, OffsetDateTime given, Instant received) {
        return clock.occurredAt(field, given == null ? null : given.toInstant(), received);
    }

    /** The two clocks of a read, from the query parameters (the edge's one resolver: {@link ReadClock#read}). */
    AsOf asOf(String at, String knownAt, Long afterEvent) {
        return clock.asOf(at, knownAt, afterEvent);
    }

    long headPosition() {
        return clock.headPosition();
    }

    /**
     * The deliberation a comment belongs to (404 for an unknown comment), from the write side: a write is authorised
     * even while the read models are being rebuilt.
     */
    String deliberationOf(String commentId) {
        return comments.deliberationOf(commentId)
                .orElseThrow(() -> new UnknownRecord("commentId", "No comment '" + commentId + "'."));
    }

    /** A commitment named by reference ({@code #7.1}) or id, as its id; an unknown reference is a 404. */
    String commitmentId(String deliberationId, String commitment) {
        if (!commitment.startsWith("#")) {
            return commitment;
        }
        int dot = commitment.lastIndexOf('.');
        String number = dot <= 1 ? "" : commitment.substring(dot + 1);
        return comments.commentByReference(deliberationId, dot <= 1 ? commitment : commitment.substring(0, dot))
                .filter(commentId -> number.matches("[1-9][0-9]{0,8}"))
                .map(commentId -> Ids.commitment(commentId, Integer.parseInt(number)))
                .orElseThrow(() -> new UnknownRecord("commitment",
                        "Deliberation '" + deliberationId + "' has no commitment " + commitment + "."));
    }

    AsOf current() {
        return clock.current();
    }

    void record(Object command, HttpServletRequest request) {
        ledger.recordAndCatchUp(command, metadata.of(request));
    }

    <R> R query(Object query, Class<R> type) {
        return queries.query(query, ResponseTypes.instanceOf(type)).join();
    }

    <R> List<R> queryList(Object query, Class<R> type) {
        return queries.query(query, ResponseTypes.multipleInstancesOf(type)).join();
    }
}
