package dev.shingi.deliberation.query;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * An event's own place in the log (its {@code globalIndex}), which the views use as the knowledge clock.
 * <p>
 * Not the tracking token's position: when transactions commit out of order (several clients or nodes at once), an
 * event whose index was skipped as a gap arrives later with a token whose index is that of the newest event seen, so
 * several events would share one position, and a rebuild, which reads the log in order, would give them others.
 */
@Component
class LogPosition {

    private final JdbcTemplate jdbc;

    LogPosition(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The last answer on this thread: every projection of the views group asks about the same event in turn. */
    private final ThreadLocal<Object[]> last = new ThreadLocal<>();

    long of(EventMessage<?> message, TrackingToken token) {
        Object[] remembered = last.get();
        if (remembered != null && remembered[0].equals(message.getIdentifier())) {
            return (Long) remembered[1];
        }
        long position = lookUp(message, token);
        last.set(new Object[]{message.getIdentifier(), position});
        return position;
    }

    private long lookUp(EventMessage<?> message, TrackingToken token) {
        List<Long> stored = jdbc.queryForList("SELECT globalIndex FROM DomainEventEntry WHERE eventIdentifier = ?",
                Long.class, message.getIdentifier());
        return stored.isEmpty() ? token.position().orElseThrow() : stored.get(0);
    }
}
