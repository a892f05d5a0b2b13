package dev.shingi.deliberation.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A new draft version was committed, keeping the listed commitments. Each fulfilled commitment also gets its own
 * CommitmentFulfilled on its comment, in the same transaction. Revision 2 added {@code document} (the version's file)
 * and {@code override} (why it was committed past the readiness gate): both null in revision-1 events, which is what
 * they meant (docs/events.md).
 */
@Revision("2")
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
        Instant occurredAt,
        DraftDocument document,
        ReadinessOverride override) implements DeliberationEvent {

    /** Stored events are read through this constructor; the shorter one is for code. */
    @JsonCreator
    public RevisionCommitted {
    }

    /** A revision without its document or an override (the shape of revision 1). */
    public RevisionCommitted(String deliberationId, int version, int basedOnVersion, String title,
                             String materialNumber, Integer pageCount, String summary, List<String> changes,
                             List<Fulfilment> fulfils, String committedBy, boolean illustrative, Instant occurredAt) {
        this(deliberationId, version, basedOnVersion, title, materialNumber, pageCount, summary, changes, fulfils,
                committedBy, illustrative, occurredAt, null, null);
    }
}
