package dev.shingi.deliberation.api;

import java.time.Instant;

/** A registered participant comments on a draft version, at a meeting ({@code meetingId}) or in writing (null). */
public record RaiseComment(
        String commentId,
        String deliberationId,
        String authorId,
        int draftVersion,
        Anchor anchor,
        CommentKind kind,
        String text,
        String meetingId,
        Instant occurredAt) {
}
