package dev.shingi.deliberation.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A commitment was concluded with an outcome. */
@Revision("1")
public record CommitmentConcluded(
        String deliberationId,
        String commentId,
        String commitmentId,
        String participantId,
        String outcome,
        Instant occurredAt) implements DeliberationEvent {
}
