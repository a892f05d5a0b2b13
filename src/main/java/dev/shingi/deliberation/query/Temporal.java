package dev.shingi.deliberation.query;

import java.time.Instant;
import java.util.function.BiConsumer;

/**
 * The two clocks in the tables' terms, and the relational interval tree that lets "which rows hold at instant t" be
 * answered by one index lookup per tree level (about 42) instead of a scan of the whole history.
 * <p>
 * Kriegel, Pötke, Seidl, "Managing Intervals Efficiently in Object-Relational Databases" (VLDB 2000): every interval
 * is filed under its fork node, the first node of a virtual binary tree over the time domain that falls inside it;
 * only the nodes on the path from the root to t can hold intervals containing t.
 */
final class Temporal {
    /** "Until further notice" on either clock. */
    static final long FOREVER = Long.MAX_VALUE;

    private static final int HEIGHT = 42; // milliseconds up to 2109
    private static final long MAX = (1L << HEIGHT) - 1;
    static final long ROOT = 1L << (HEIGHT - 1);

    private Temporal() {
    }

    static long millis(Instant instant) {
        return instant.toEpochMilli();
    }

    static Instant instant(long millis) {
        return Instant.ofEpochMilli(millis);
    }

    static long clamp(long t) {
        return Math.max(1, Math.min(MAX, t));
    }

    /** The fork node of the closed interval [lo, hi]. */
    static long fork(long lo, long hi) {
        long low = clamp(lo);
        long high = clamp(hi);
        long node = ROOT;
        for (long step = ROOT >> 1; step >= 1 && (high < node || low > node); step >>= 1) {
            node = high < node ? node - step : node + step;
        }
        return node;
    }

    /** The fork node of a half-open validity [from, to). */
    static long forkOf(long validFrom, long validTo) {
        return fork(validFrom, validTo == FOREVER ? MAX : validTo - 1);
    }

    /** How an interval filed at a node on t's path must relate to t to contain it. */
    enum Side {
        /** node > t: the interval must start at or before t. */
        NODE_AFTER,
        /** node < t: the interval must end after t. */
        NODE_BEFORE,
        /** node = t: every interval filed here contains t. */
        AT
    }

    /** Visits the nodes on the path from the root to t. */
    static void path(long t, BiConsumer<Long, Side> visit) {
        long p = clamp(t);
        long node = ROOT;
        for (long step = ROOT >> 1; ; step >>= 1) {
            if (p == node) {
                visit.accept(node, Side.AT);
                return;
            }
            visit.accept(node, p < node ? Side.NODE_AFTER : Side.NODE_BEFORE);
            if (step == 0) {
                return;
            }
            node = p < node ? node - step : node + step;
        }
    }
}
