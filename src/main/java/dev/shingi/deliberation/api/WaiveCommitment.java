package dev.shingi.deliberation.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The secretariat waives an open commitment, with a reason. */
public record WaiveCommitment(
        @TargetAggregateIdentifier String commentId,
        String commitmentId,
        String participantId,
        String reason,
        Instant occurredAt) {
}
