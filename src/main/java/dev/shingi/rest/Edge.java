package dev.shingi.rest;

import dev.shingi.deliberation.api.AsOf;
import dev.shingi.deliberation.api.CommentRegister;
import dev.shingi.deliberation.api.Ids;
import dev.shingi.deliberation.api.UnknownRecord;
import dev.shingi.edge.ReadClock;
import dev.shingi.edge.RecordedNotShown;
import dev.shingi.edge.RequestMetadata;
import dev.shingi.platform.Ledger;
import dev.shingi.platform.ReadModelRebuild;
import dev.shingi.security.AccessPolicy;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Supplier;

/** What every controller does the same way: stamp times, record with read-your-writes and read the answer back, ask queries. */
@Component
class Edge {
    private final Ledger ledger;
    private final QueryGateway queries;
    private final RequestMetadata metadata;
    private final ReadClock clock;
    private final CommentRegister comments;
    private final ReadModelRebuild rebuild;
    final AccessPolicy access;

    Edge(Ledger ledger, QueryGateway queries, RequestMetadata metadata, ReadClock clock, AccessPolicy access,
         CommentRegister comments, ReadModelRebuild rebuild) {
        this.comments = comments;
        this.rebuild = rebuild;
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

    /**
     * Stores the command durably; answers whether the views show it yet. While a rebuild refills the views their
     * processor is stopped, so the write does not wait for them (it would wait out the read-your-writes timeout).
     */
    boolean record(Object command, HttpServletRequest request) {
        if (rebuild.underWay().isPresent()) {
            ledger.record(command, metadata.of(request));
            return false;
        }
        return ledger.recordAndCatchUp(command, metadata.of(request)).projectionsCaughtUp();
    }

    /**
     * A write's answer, read from the views; while they do not show the write yet, {@link RecordedNotShown} (202
     * Accepted, {@code Location: location}) rather than a stale answer or a 404 for a record that is stored.
     */
    <R> R readBack(boolean shown, String location, Supplier<R> read) {
        if (shown) {
            try {
                return read.get();
            } catch (RuntimeException e) {
                if (!unknownRecord(e)) {
                    throw e;
                }
            }
        }
        throw new RecordedNotShown(location, rebuild.underWay().isPresent());
    }

    private static boolean unknownRecord(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownRecord) {
                return true;
            }
        }
        return false;
    }

    <R> R query(Object query, Class<R> type) {
        return queries.query(query, ResponseTypes.instanceOf(type)).join();
    }

    <R> List<R> queryList(Object query, Class<R> type) {
        return queries.query(query, ResponseTypes.multipleInstancesOf(type)).join();
    }
}
