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
 * <p>
 * Rows that end on the occurred clock are filed by their validity ({@link #validNode}); rows that hold until further
 * notice by what the ledger knew them for ({@link #knowledgeNode}), so that neither stab reads superseded history.
 * "Outstanding" walks these trees on H2; on PostgreSQL it probes GiST indexes instead (ADR 007).
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

    /** The fork node of a half-open interval [from, to) on either clock. */
    static long forkOf(long from, long to) {
        return fork(from, to == FOREVER ? MAX : to - 1);
    }

    /**
     * Where a row is filed in the tree over the occurred clock: its validity's fork node, or 0 (no node) for a row that
     * holds until further notice. Those all fork at the root, and so does every version of them the ledger has since
     * superseded: a stab at the root would read the whole history. They are filed by {@link #knowledgeNode} instead.
     */
    static long validNode(long validFrom, long validTo) {
        return validTo == FOREVER ? 0 : forkOf(validFrom, validTo);
    }

    /**
     * Where a row that holds until further notice is filed in the same virtual tree over log positions: the fork node
     * of what the ledger knew it for, [knownFrom, knownTo); 0 (no node) for a row that ends on the occurred clock. A
     * stab at position p then meets the versions known at p, not every version ever superseded.
     */
    static long knowledgeNode(long validTo, long knownFrom, long knownTo) {
        return validTo == FOREVER ? forkOf(knownFrom, knownTo) : 0;
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
