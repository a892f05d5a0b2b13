package dev.shingi.rest;

import dev.shingi.edge.InvalidInput;
import dev.shingi.platform.Ledger;
import dev.shingi.edge.RequestMetadata;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import dev.shingi.deliberation.api.AsOf;
import dev.shingi.deliberation.api.FindCommentDeliberation;
import dev.shingi.security.AccessPolicy;
import dev.shingi.deliberation.api.FindKnowledgePosition;
import java.util.List;

/** What every controller does the same way: stamp times, record with read-your-writes, ask queries. */
@Component
class Edge {
    /** Clocks of clients drift; a minute of slack before an occurredAt counts as "in the future". */
    private static final Duration CLOCK_SLACK = Duration.ofMinutes(1);

    private final Ledger ledger;
    private final QueryGateway queries;
    private final RequestMetadata metadata;
    private final Clock clock;
    final AccessPolicy access;

    Edge(Ledger ledger, QueryGateway queries, RequestMetadata metadata, Clock clock, AccessPolicy access) {
        this.access = access;
        this.ledger = ledger;
        this.queries = queries;
        this.metadata = metadata;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    /** The command's occurredAt: as given, or the moment the request was received. Never in the future. */
    Instant occurredAt(OffsetDateTime given, Instant received) {
        return occurredAt("occurredAt", given, received);
    }

    /** The earliest occurred time the ledger accepts: deliberations on record, not dates typed by accident. */
    static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

    Instant occurredAt(String field, OffsetDateTime given, Instant received) {
        if (given == null) {
            return received;
        }
        Instant at = given.toInstant();
        if (at.isBefore(EARLIEST)) {
            throw new InvalidInput(field, "is before 1900 (" + given + "); out of range");
        }
        if (at.isAfter(received.plus(CLOCK_SLACK))) {
            throw new InvalidInput(field, "is in the future (" + given + "); the ledger records what has happened");
        }
        return at;
    }

    /**
     * The two clocks of a read, from the query parameters: {@code at} (occurred clock) and either {@code knownAt}
     * (recorded clock) or {@code afterEvent} (the ledger's knowledge right after log position n). All default to now.
     */
    AsOf asOf(String at, String knownAt, Long afterEvent) {
        Instant now = now();
        Instant occurred = at == null ? now : parseInstant("at", at);
        if (knownAt != null && afterEvent != null) {
            throw new InvalidInput("afterEvent", "give either knownAt or afterEvent, not both");
        }
        if (afterEvent != null) {
            long head = ledger.headPosition();
            if (afterEvent < 0 || afterEvent > head) {
                throw new InvalidInput("afterEvent", "must be between 0 and the last event's position (" + head + ")");
            }
            return new AsOf(occurred, afterEvent);
        }
        if (knownAt == null) {
            return new AsOf(occurred, AsOf.now(now).position());
        }
        Instant known = parseInstant("knownAt", knownAt);
        if (known.isAfter(now.plus(CLOCK_SLACK))) {
            throw new InvalidInput("knownAt", "is in the future (" + knownAt + "); the ledger cannot know it yet");
        }
        return new AsOf(occurred, query(new FindKnowledgePosition(known), Long.class));
    }

    long headPosition() {
        return ledger.headPosition();
    }

    private static Instant parseInstant(String parameter, String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInput(parameter, "'" + value + "' is not an ISO-8601 instant with an offset, "
                    + "e.g. 2024-06-24T17:00+09:00");
        }
    }

    /** The deliberation a comment belongs to (404 for an unknown comment). */
    String deliberationOf(String commentId) {
        return query(new FindCommentDeliberation(commentId), String.class);
    }

    AsOf current() {
        return AsOf.now(now());
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
