package dev.shingi.deliberation.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The ledger's heads at one moment: for every aggregate whose last event changed since the previous checkpoint, its
 * last sequence number and that event's hash ({@code "seq:hash"}); {@code digest} covers the heads of all aggregates
 * up to log position {@code upToPosition}. Deleting the last events of an aggregate is caught against it.
 * <p>
 * Revision 2 adds the whole log's evidence: {@code logLength} events up to {@code upToPosition} (every stream, earlier
 * checkpoints included) whose running hash is {@code logHead}; {@code segmentFrom}, the log length the previous
 * revision-2 checkpoint recorded (0 for the first); and {@code order}, the aggregate id of each event after it, in log
 * order (null when the segment is longer than {@code shingi.integrity.order-limit}). A revision-1 checkpoint has them
 * null and keeps its meaning. Not part of any deliberation: {@code deliberationId} is null.
 */
@Revision("2")
public record LedgerCheckpointed(
        long upToPosition,
        int aggregates,
        String digest,
        Map<String, String> changedHeads,
        Instant occurredAt,
        Long logLength,
        String logHead,
        Long segmentFrom,
        List<String> order) {
}
