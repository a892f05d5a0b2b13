package dev.shingi.deliberation.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The commenter (or the secretariat on their behalf) withdraws a comment. */
public record WithdrawComment(
        @TargetAggregateIdentifier String commentId,
        String participantId,
        String reason,
        Instant occurredAt) {
}
