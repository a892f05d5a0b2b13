package dev.shingi.deliberation.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Reopens an answered comment: it needs a new response. Its commitments stay as they are. */
public record ReopenComment(
        @TargetAggregateIdentifier String commentId,
        String participantId,
        String reason,
        Instant occurredAt) {
}
