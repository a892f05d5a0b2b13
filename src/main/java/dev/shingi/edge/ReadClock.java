package dev.shingi.edge;

import dev.shingi.deliberation.api.AsOf;
import dev.shingi.deliberation.api.FindKnowledgePosition;
import dev.shingi.platform.Ledger;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The one place that reads times at the edge, for the REST API, the pages, the reports and the importers alike — one
 * parser, one set of bounds, one set of errors (docs/time.md):
 * <ul>
 *   <li>a read's moment: {@code at} on the occurred clock, and {@code knownAt} or {@code afterEvent} on the recorded
 *       clock, each defaulting to now ({@link #read});</li>
 *   <li>a command's occurred time: as given, or the moment of receipt; never in the future ({@link #occurredAt}).</li>
 * </ul>
 * Every instant lies between {@link #EARLIEST} and {@link #LATEST}: deliberations on record, not typing slips, and
 * nothing the read models' arithmetic cannot hold.
 */
@Component
public class ReadClock {
    /** Clocks of clients drift; a minute of slack before a time counts as "in the future". */
    public static final Duration CLOCK_SLACK = Duration.ofMinutes(1);
    public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /** The codes of {@link InvalidInput} this class raises, for forms that word them from the message bundles. */
    public static final String TOO_EARLY = "occurredAt.tooEarly";
    public static final String TOO_LATE = "occurredAt.tooLate";
    public static final String FUTURE = "occurredAt.future";
    public static final String NOT_A_TIME = "typeMismatch";
    public static final String BOTH_CLOCKS = "afterEvent.withKnownAt";
    public static final String PAST_THE_LOG = "afterEvent.pastTheLog";

    /**
     * A read's moment as asked ({@code at}, {@code knownAt}, {@code afterEvent}: null when not given, i.e. "now") and
     * what it resolves to.
     */
    public record Reading(Instant at, Instant knownAt, Long afterEvent, AsOf asOf) {
    }

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

    /** The present, as the ledger knows it now. */
    public AsOf current() {
        return AsOf.now(now());
    }

    public long headPosition() {
        return ledger.headPosition();
    }

    /** {@link #read}'s answer alone. */
    public AsOf asOf(String at, String knownAt, Long afterEvent) {
        return read(at, knownAt, afterEvent).asOf();
    }

    /**
     * The two clocks of a read from its parameters. Blank counts as not given. {@code at} and {@code knownAt} are
     * ISO-8601 instants with an offset; {@code knownAt} may not lie in the future, {@code afterEvent} must be a log
     * position, and only one of the two may be given.
     */
    public Reading read(String at, String knownAt, Long afterEvent) {
        Instant now = now();
        Instant occurred = blank(at) ? null : instant("at", at);
        Instant known = blank(knownAt) ? null : instant("knownAt", knownAt);
        Instant effective = occurred == null ? now : occurred;
        if (known != null && afterEvent != null) {
            throw new InvalidInput("afterEvent", BOTH_CLOCKS, "give either knownAt or afterEvent, not both");
        }
        if (afterEvent != null) {
            long head = ledger.headPosition();
            if (afterEvent < 0 || afterEvent > head) {
                throw new InvalidInput("afterEvent", PAST_THE_LOG,
                        "must be between 0 and the last event's position (" + head + ")");
            }
            return new Reading(occurred, null, afterEvent, new AsOf(effective, afterEvent));
        }
        if (known == null) {
            return new Reading(occurred, null, null, new AsOf(effective, AsOf.now(now).position()));
        }
        if (known.isAfter(now.plus(CLOCK_SLACK))) {
            throw new InvalidInput("knownAt", FUTURE,
                    "is in the future (" + knownAt + "); the ledger cannot know it yet");
        }
        long position = queries.query(new FindKnowledgePosition(known), ResponseTypes.instanceOf(Long.class)).join();
        return new Reading(occurred, known, null, new AsOf(effective, position));
    }

    /** A command's occurred time: as given, else the moment the request was received. Never in the future. */
    public Instant occurredAt(String field, Instant given, Instant received) {
        if (given == null) {
            return received;
        }
        bounded(field, given, given.toString());
        if (given.isAfter(received.plus(CLOCK_SLACK))) {
            throw new InvalidInput(field, FUTURE,
                    "is in the future (" + given + "); the ledger records what has happened");
        }
        return given;
    }

    /**
     * An ISO-8601 instant with an offset, e.g. 2024-06-24T17:00+09:00. A space where the offset's '+' belongs is
     * read as the '+': an address bar that was typed into sends it so.
     */
    public static Instant instant(String parameter, String value) {
        Instant parsed;
        try {
            parsed = OffsetDateTime.parse(value.trim().replace(' ', '+')).toInstant();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new InvalidInput(parameter, NOT_A_TIME, "'" + value + "' is not an ISO-8601 instant with an offset, "
                    + "e.g. 2024-06-24T17:00+09:00");
        }
        return bounded(parameter, parsed, value);
    }

    /** The value of a datetime-local input ("2024-06-24T13:00", seconds optional) in {@code zone}. */
    public static Instant local(String field, String value, ZoneId zone) {
        Instant parsed;
        try {
            parsed = LocalDateTime.parse(value.trim()).atZone(zone).toInstant();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new InvalidInput(field, NOT_A_TIME, "'" + value + "' is not a date and time, e.g. 2024-06-24T14:00");
        }
        return bounded(field, parsed, value);
    }

    private static Instant bounded(String field, Instant instant, String given) {
        if (instant.isBefore(EARLIEST)) {
            throw new InvalidInput(field, TOO_EARLY, "is before 1900 (" + given + "); out of range");
        }
        if (instant.isAfter(LATEST)) {
            throw new InvalidInput(field, TOO_LATE, "is after 9999 (" + given + "); out of range");
        }
        return instant;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
