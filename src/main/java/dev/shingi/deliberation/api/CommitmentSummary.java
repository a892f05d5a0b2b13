package dev.shingi.deliberation.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A commitment with its state; {@code overdue} and {@code ageDays} are as of the query. {@code answerStanding}: whether
 * the answer that made it is still the comment's answer, was reopened, or was superseded by a later one (added field).
 */
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
        Instant closedAt,
        AnswerStanding answerStanding) {
    public CommitmentSummary {
        answerStanding = answerStanding == null ? AnswerStanding.CURRENT : answerStanding;
    }

    /** A commitment of the comment's current answer. */
    public CommitmentSummary(String commitmentId, String reference, String commentId, String commentReference,
                             String responseId, CommitmentKind kind, String description, ParticipantRef owner,
                             LocalDate dueDate, boolean overdue, long ageDays, CommitmentStatus status,
                             Integer fulfilledInVersion, Location location, String closingNote, Instant occurredAt,
                             Instant recordedAt, Instant closedAt) {
        this(commitmentId, reference, commentId, commentReference, responseId, kind, description, owner, dueDate,
                overdue, ageDays, status, fulfilledInVersion, location, closingNote, occurredAt, recordedAt, closedAt,
                AnswerStanding.CURRENT);
    }

    /** Whether it belongs to an answer that is no longer the comment's answer (reopened or superseded). */
    public boolean ofEarlierAnswer() {
        return answerStanding != AnswerStanding.CURRENT;
    }
}
