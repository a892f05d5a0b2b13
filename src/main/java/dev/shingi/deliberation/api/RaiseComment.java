package dev.shingi.deliberation.api;

import java.time.Instant;

/**
 * A registered participant comments on a draft version, at a meeting ({@code meetingId}) or in writing (null);
 * {@code proposedChange} is the wording the commenter proposes, when they gave one (the ISO/IEC commenting template's
 * "Proposed change"), else null.
 */
public record RaiseComment(
        String commentId,
        String deliberationId,
        String authorId,
        int draftVersion,
        Anchor anchor,
        CommentKind kind,
        String text,
        String meetingId,
        Instant occurredAt,
        String proposedChange) {

    /** A comment without a proposed change. */
    public RaiseComment(String commentId, String deliberationId, String authorId, int draftVersion, Anchor anchor,
                        CommentKind kind, String text, String meetingId, Instant occurredAt) {
        this(commentId, deliberationId, authorId, draftVersion, anchor, kind, text, meetingId, occurredAt, null);
    }
}
