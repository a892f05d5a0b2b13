package dev.shingi.deliberation.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The secretariat answered a comment. The full text is kept forever. */
@Revision("1")
public record CommentResponded(
        String deliberationId,
        String commentId,
        String responseId,
        String responderId,
        Disposition disposition,
        String text,
        Instant occurredAt) implements DeliberationEvent {
}
