package dev.shingi.deliberation.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** A new draft version was committed, keeping the listed commitments. Each fulfilled commitment also gets its own CommitmentFulfilled on its comment, in the same transaction. */
@Revision("1")
public record RevisionCommitted(
        String deliberationId,
        int version,
        int basedOnVersion,
        String title,
        String materialNumber,
        Integer pageCount,
        String summary,
        List<String> changes,
        List<Fulfilment> fulfils,
        String committedBy,
        boolean illustrative,
        Instant occurredAt) implements DeliberationEvent {
}
