package dev.shingi.deliberation.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** A secretariat participant answers a comment, possibly promising things. */
public record RespondToComment(
        @TargetAggregateIdentifier String commentId,
        String responseId,
        String responderId,
        Disposition disposition,
        String text,
        List<NewCommitment> commitments,
        Instant occurredAt) {
}
