package dev.shingi.pages;

import dev.shingi.deliberation.api.AsOf;
import dev.shingi.deliberation.api.FindKnowledgePosition;
import dev.shingi.edge.InvalidInput;
import dev.shingi.platform.Ledger;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The read side of the pages: the moment a request asks for (the API's rules for {@code at}, {@code knownAt} and
 * {@code afterEvent}), and the {@code Find…} queries, sent through the query gateway like the REST controllers do.
 */
@Component
class Views {
    /** As at the API: clocks drift, so a minute of slack before "the future". */
    static final Duration CLOCK_SLACK = Duration.ofMinutes(1);

    private final QueryGateway queries;
    private final Ledger ledger;
    private final Clock clock;
    private final ZoneId zone;

    Views(QueryGateway queries, Ledger ledger, Clock clock, @Value("${shingi.pages.zone:Asia/Tokyo}") ZoneId zone) {
        this.queries = queries;
        this.ledger = ledger;
        this.clock = clock;
        this.zone = zone;
    }

    Instant now() {
        return clock.instant();
    }

    ZoneId zone() {
        return zone;
    }

    Moment present() {
        return new Moment(null, null, null, AsOf.now(now()), zone);
    }

    /** The moment of a page from its query parameters; bad values are the API's 400s, shown as a page. */
    Moment moment(String at, String knownAt, Long afterEvent) {
        Instant now = now();
        Instant occurred = blank(at) ? null : parseInstant("at", at);
        Instant known = blank(knownAt) ? null : parseInstant("knownAt", knownAt);
        long everything = AsOf.now(now).position();
        if (known != null && afterEvent != null) {
            throw new InvalidInput("afterEvent", "give either knownAt or afterEvent, not both");
        }
        Instant effective = occurred == null ? now : occurred;
        if (afterEvent != null) {
            long head = ledger.headPosition();
            if (afterEvent < 0 || afterEvent > head) {
                throw new InvalidInput("afterEvent", "must be between 0 and the last event's position (" + head + ")");
            }
            return new Moment(occurred, null, afterEvent, new AsOf(effective, afterEvent), zone);
        }
        if (known == null) {
            return new Moment(occurred, null, null, new AsOf(effective, everything), zone);
        }
        if (known.isAfter(now.plus(CLOCK_SLACK))) {
            throw new InvalidInput("knownAt", "is in the future (" + knownAt + "); the ledger cannot know it yet");
        }
        long position = one(new FindKnowledgePosition(known), Long.class);
        return new Moment(occurred, known, null, new AsOf(effective, position), zone);
    }

    long headPosition() {
        return ledger.headPosition();
    }

    /**
     * A few threads for the queries one page asks at once: the dashboard's lists are independent reads, and the
     * database answers two of them in about the time of one.
     */
    private final java.util.concurrent.ExecutorService parallel = java.util.concurrent.Executors.newFixedThreadPool(3,
            r -> {
                Thread t = new Thread(r, "pages-query");
                t.setDaemon(true);
                return t;
            });

    <R> java.util.concurrent.CompletableFuture<R> async(java.util.function.Supplier<R> read) {
        return java.util.concurrent.CompletableFuture.supplyAsync(read, parallel);
    }

    /** The answer of a read started with {@link #async}, with its own exception (e.g. an unknown record) unwrapped. */
    static <R> R join(java.util.concurrent.CompletableFuture<R> read) {
        try {
            return read.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    <R> R one(Object query, Class<R> type) {
        return queries.query(query, ResponseTypes.instanceOf(type)).join();
    }

    <R> List<R> list(Object query, Class<R> type) {
        return queries.query(query, ResponseTypes.multipleInstancesOf(type)).join();
    }

    /** The value of a datetime-local input ("2024-06-24T13:00", seconds optional) in the pages' zone. */
    Instant local(String field, String value) {
        try {
            return LocalDateTime.parse(value.trim()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "'" + value + "' is not a date and time, e.g. 2024-06-24T14:00");
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Instant parseInstant(String parameter, String value) {
        try {
            // a '+' typed into an address bar arrives as a space; read it as the offset it was meant to be
            return OffsetDateTime.parse(value.trim().replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInput(parameter, "'" + value + "' is not an ISO-8601 instant with an offset, "
                    + "e.g. 2024-06-24T17:00+09:00");
        }
    }
}
