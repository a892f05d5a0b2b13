package dev.shingi.platform;

import org.axonframework.eventhandling.TrackingToken;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A processing group whose read models can be rebuilt straight from the event store, much faster than by Axon's
 * replay (one event at a time through the handlers, in units of work), and beside the live ones: {@code admin.Rebuild}
 * uses it for the group's processor instead of a replay. The group's processor keeps running on the live tables
 * while {@link #build} fills copies of them ({@link ShadowTables}) and {@link Shadow#catchUp} brings the copies up to
 * the log's head; then, with the processor stopped and readers held off, {@link Shadow#switchOver} puts the copies in
 * the live tables' place and returns the token the processor is to go on from.
 */
public interface BulkReplay {

    /** The processing group whose tables {@link #build} rebuilds. */
    String processingGroup();

    /**
     * Creates the copies of the group's tables and fills them from the events stored at positions up to {@code head},
     * exactly as the group's handlers would have filled the tables; the live tables are not touched.
     */
    Shadow build(long head, Progress progress);

    /**
     * Whether the group is to be rebuilt at start-up: its tables were found broken and emptied at start-up, or a
     * rebuild of an earlier version (which emptied the tables in place) was cut short.
     */
    boolean interrupted();

    /** The copies of a group's tables, filled up to {@link #head()}. */
    interface Shadow {
        /** The last position the copies hold (with the positions not committed by then left out, as gaps). */
        long head();

        /** Adds the events stored up to {@code head} since the last build or catch-up, and those of earlier gaps. */
        void catchUp(long head, Progress progress);

        /**
         * Puts the copies in the live tables' place, and forgets what the group's handlers cached of the old ones.
         * The caller has stopped the group's processor and keeps readers off. Returns the token the processor is to
         * continue from: at {@link #head()}, with the positions up to there not committed as gaps; null when the log
         * is empty.
         */
        TrackingToken switchOver();

        /** Drops the copies (the rebuild is given up; the live tables stay as they are). */
        void discard();
    }

    /** How far a replay is, in units of its own choosing (it may raise {@link #planned} as it learns more). */
    final class Progress {
        public final AtomicLong planned = new AtomicLong();
        public final AtomicLong done = new AtomicLong();
    }
}
