package dev.shingi.deliberation.api;

import java.time.Instant;

/**
 * The two clocks of a query: {@code at} on the occurred clock (what had happened by then), and {@code position} on the
 * recorded clock — the ledger's knowledge as the prefix of its log up to that global position (what the ledger had
 * learned). {@code knownAt} instants are turned into positions at the edge; replay asks for "after event n" directly.
 */
public record AsOf(Instant at, long position) {

    public static AsOf now(Instant now) {
        return new AsOf(now, Long.MAX_VALUE - 1);
    }
}
