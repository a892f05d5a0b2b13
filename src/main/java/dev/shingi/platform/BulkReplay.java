package dev.shingi.platform;

import org.axonframework.eventhandling.TrackingToken;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A processing group whose read models can be rebuilt straight from the event store, much faster than by Axon's
 * replay (one event at a time through the handlers, in units of work): {@code admin.Rebuild} uses it for the group's
 * processor instead of a replay. The caller stops the processor and resets its tokens first (its reset handlers empty
 * the tables), and afterwards stores the returned token for every segment and starts the processor again, which then
 * goes on with the events stored meanwhile.
 */
public interface BulkReplay {

    /** The processing group whose tables {@link #replay} fills. */
    String processingGroup();

    /**
     * Fills the group's (empty) tables from the events stored at positions up to {@code head}, exactly as the group's
     * handlers would have, and returns the token the processor is to continue from: at {@code head}, with the
     * positions up to there that were not (yet) committed as gaps, so that none of them is lost. Null when the log is
     * empty.
     */
    TrackingToken replay(long head, Progress progress);

    /**
     * Whether the group is to be rebuilt at start-up: a replay was cut short (the process died during it) — the
     * group's tokens are still reset to the first event, nothing replayed since, yet its tables hold rows, on which its
     * processor would stop (duplicate keys) — or the tables were found broken and emptied at start-up.
     */
    boolean interrupted();

    /** How far a replay is, in units of its own choosing (it may raise {@link #planned} as it learns more). */
    final class Progress {
        public final AtomicLong planned = new AtomicLong();
        public final AtomicLong done = new AtomicLong();
    }
}
