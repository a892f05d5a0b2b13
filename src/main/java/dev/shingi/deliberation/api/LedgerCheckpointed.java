package dev.shingi.deliberation.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Map;

/**
 * The ledger's heads at one moment: for every aggregate whose last event changed since the previous checkpoint, its
 * last sequence number and that event's hash ({@code "seq:hash"}); {@code digest} covers the heads of all aggregates
 * up to log position {@code upToPosition}. Deleting the last events of an aggregate is caught against it.
 * Not part of any deliberation: {@code deliberationId} is null.
 */
@Revision("1")
public record LedgerCheckpointed(
        long upToPosition,
        int aggregates,
        String digest,
        Map<String, String> changedHeads,
        Instant occurredAt) {
}
