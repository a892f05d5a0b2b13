package dev.shingi.deliberation.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The commenter says whether a response satisfies them; not satisfied reopens the comment. */
public record AcknowledgeResponse(
        @TargetAggregateIdentifier String commentId,
        String responseId,
        String participantId,
        boolean satisfied,
        String note,
        Instant occurredAt) {
}
