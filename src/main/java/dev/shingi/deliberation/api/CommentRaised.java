package dev.shingi.deliberation.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A participant commented; {@code reference} is the stable human reference (#7) within the deliberation. */
@Revision("1")
public record CommentRaised(
        String deliberationId,
        String commentId,
        String reference,
        String authorId,
        int draftVersion,
        Anchor anchor,
        CommentKind kind,
        String text,
        String meetingId,
        Instant occurredAt) implements DeliberationEvent {
}
