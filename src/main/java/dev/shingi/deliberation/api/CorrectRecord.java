package dev.shingi.deliberation.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Fixes a recorded comment ({@code responseId} null) or one of its responses: a transcription error in who, where,
 * what kind, what was said or when. Only the non-null fields change. For a response, {@code authorId} is the responder
 * and {@code disposition} its kind. Nothing is rewritten: queries known before the correction still show the old record.
 */
public record CorrectRecord(
        @TargetAggregateIdentifier String commentId,
        String responseId,
        String authorId,
        Anchor anchor,
        CommentKind kind,
        Disposition disposition,
        String text,
        Instant recordOccurredAt,
        String reason,
        String correctedBy,
        Instant occurredAt) {
}
