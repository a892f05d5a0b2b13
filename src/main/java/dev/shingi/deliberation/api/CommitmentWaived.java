package dev.shingi.deliberation.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A commitment was waived with a reason. */
@Revision("1")
public record CommitmentWaived(
        String deliberationId,
        String commentId,
        String commitmentId,
        String participantId,
        String reason,
        Instant occurredAt) implements DeliberationEvent {
}
