package dev.shingi.deliberation.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An answered comment was reopened and needs a new response. */
@Revision("1")
public record CommentReopened(
        String deliberationId,
        String commentId,
        String participantId,
        String reason,
        Instant occurredAt) implements DeliberationEvent {
}
