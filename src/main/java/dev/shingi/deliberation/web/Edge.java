package dev.shingi.deliberation.web;

import dev.shingi.platform.InvalidInput;
import dev.shingi.platform.Ledger;
import dev.shingi.platform.RequestMetadata;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
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

    Edge(Ledger ledger, QueryGateway queries, RequestMetadata metadata, Clock clock) {
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
        if (given == null) {
            return received;
        }
        Instant at = given.toInstant();
        if (at.isAfter(received.plus(CLOCK_SLACK))) {
            throw new InvalidInput("occurredAt", "is in the future (" + given + "); the ledger records what has happened");
        }
        return at;
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
