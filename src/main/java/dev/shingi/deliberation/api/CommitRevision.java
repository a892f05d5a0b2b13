package dev.shingi.deliberation.api;

import java.time.Instant;
import java.util.List;

/**
 * The secretariat commits a new draft version that keeps the listed commitments, each at a location. {@code illustrative}
 * marks a version shown as an example rather than as history (the demo's v2). While comments on earlier versions are
 * unanswered or REVISE_DRAFT commitments are open and not kept here, the revision is refused
 * ({@link UnresolvedItems}) unless {@code override} says why it goes ahead anyway.
 */
public record CommitRevision(
        String deliberationId,
        int version,
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
        ReadinessOverride override) {

    /** A revision past no readiness gate ({@code override}: why it is committed with items unresolved, or null). */
    public CommitRevision(String deliberationId, int version, String title, String materialNumber, Integer pageCount,
                          String summary, List<String> changes, List<Fulfilment> fulfils, String committedBy,
                          boolean illustrative, Instant occurredAt, DraftDocument document) {
        this(deliberationId, version, title, materialNumber, pageCount, summary, changes, fulfils, committedBy,
                illustrative, occurredAt, document, null);
    }

    /** A revision without its document ({@code document}: the file, read and staged by the edge, or null). */
    public CommitRevision(String deliberationId, int version, String title, String materialNumber, Integer pageCount,
                          String summary, List<String> changes, List<Fulfilment> fulfils, String committedBy,
                          boolean illustrative, Instant occurredAt) {
        this(deliberationId, version, title, materialNumber, pageCount, summary, changes, fulfils, committedBy,
                illustrative, occurredAt, null);
    }
}
