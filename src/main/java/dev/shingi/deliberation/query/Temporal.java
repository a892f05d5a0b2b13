package dev.shingi.deliberation.query;

import java.time.Instant;

/**
 * The two clocks in the tables' terms, and the fork nodes of the relational interval tree (Kriegel, Pötke, Seidl,
 * VLDB 2000) that "outstanding" walked until V14: every interval filed under the first node of a virtual binary tree
 * over the time domain that falls inside it.
 * <p>
 * Since V14 "outstanding" probes a 2-D index over the rows' rectangles instead (DeliberationQueries.stab), and the
 * tree's indexes are gone; {@code ri_node} and {@code kn_node} are still written (NOT NULL columns) but no longer
 * read. Dropping them is a migration of its own, left for when no branch writes them.
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
}
