package dev.shingi.edge;

import dev.shingi.platform.Ledger;
import dev.shingi.deliberation.api.AsOf;
import dev.shingi.deliberation.api.FindKnowledgePosition;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The two clocks of a read from query parameters, for controllers outside deliberation.web: {@code at} (occurred
 * clock) and either {@code knownAt} (recorded clock) or {@code afterEvent} (knowledge right after log position n), all
 * defaulting to now. The same parsing and the same 400s as the deliberation API's read models (deliberation.web.Edge),
 * so that a report and the view it summarises answer the same moment.
 */
@Component
public class ReadClock {
    private static final Duration CLOCK_SLACK = Duration.ofMinutes(1);

    private final Ledger ledger;
    private final QueryGateway queries;
    private final Clock clock;

    ReadClock(Ledger ledger, QueryGateway queries, Clock clock) {
        this.ledger = ledger;
        this.queries = queries;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public AsOf current() {
        return AsOf.now(now());
    }

    public AsOf asOf(String at, String knownAt, Long afterEvent) {
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
        return new AsOf(occurred, queries.query(new FindKnowledgePosition(known), ResponseTypes.instanceOf(Long.class)).join());
    }

    private static Instant parseInstant(String parameter, String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInput(parameter, "'" + value + "' is not an ISO-8601 instant with an offset, "
                    + "e.g. 2024-06-24T17:00+09:00");
        }
    }
}
