package dev.shingi.deliberation.api;

import java.time.Instant;
import java.time.LocalDate;

/** A commitment with its state; {@code overdue} and {@code ageDays} are as of the query. */
public record CommitmentSummary(
        String commitmentId,
        String reference,
        String commentId,
        String commentReference,
        String responseId,
        CommitmentKind kind,
        String description,
        ParticipantRef owner,
        LocalDate dueDate,
        boolean overdue,
        long ageDays,
        CommitmentStatus status,
        Integer fulfilledInVersion,
        Location location,
        String closingNote,
        Instant occurredAt,
        Instant recordedAt,
        Instant closedAt) {
}
