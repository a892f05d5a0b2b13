package dev.shingi.deliberation.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A comment was withdrawn. */
@Revision("1")
public record CommentWithdrawn(
        String deliberationId,
        String commentId,
        String participantId,
        String reason,
        Instant occurredAt) implements DeliberationEvent {
}
