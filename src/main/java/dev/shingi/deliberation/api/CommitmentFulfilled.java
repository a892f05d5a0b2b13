package dev.shingi.deliberation.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A revision (draft {@code version}) kept a commitment at {@code location}. */
@Revision("1")
public record CommitmentFulfilled(
        String deliberationId,
        String commentId,
        String commitmentId,
        int version,
        Location location,
        Instant occurredAt) implements DeliberationEvent {
}
