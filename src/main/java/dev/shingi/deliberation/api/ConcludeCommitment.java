package dev.shingi.deliberation.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The secretariat concludes a commitment (a CONSIDER decided) with its outcome. */
public record ConcludeCommitment(
        @TargetAggregateIdentifier String commentId,
        String commitmentId,
        String participantId,
        String outcome,
        Instant occurredAt) {
}
