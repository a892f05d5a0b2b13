package dev.shingi.deliberation.api;

import java.time.Instant;
import java.util.List;

/**
 * A draft version and what it answered. Illustrative versions carry a {@code label} saying they are an example;
 * {@code overrideReason} is why a revision was committed with items unresolved (the readiness gate), or null.
 */
public record VersionSummary(
        int version,
        boolean revision,
        Integer basedOn,
        String title,
        String materialNumber,
        Integer pageCount,
        String summary,
        List<String> changes,
        ParticipantRef committedBy,
        boolean illustrative,
        String label,
        List<FulfilledCommitment> fulfilled,
        List<String> commentsAddressed,
        int commentsRaised,
        Instant occurredAt,
        Instant recordedAt,
        String overrideReason) {
}
