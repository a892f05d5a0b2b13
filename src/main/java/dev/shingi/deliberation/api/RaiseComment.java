package dev.shingi.deliberation.api;

import java.time.Instant;

/**
 * A registered participant comments on a draft version, at a meeting ({@code meetingId}) or in writing (null);
 * {@code proposedChange} is the wording the commenter proposes, when they gave one (the ISO/IEC commenting template's
 * "Proposed change"), else null; {@code source} is where a comment imported from a table came from (file, row, the
 * table's item number, its date and links), null for one raised directly.
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
        String proposedChange,
        CommentSource source) {

    /** A comment not imported from a table. */
    public RaiseComment(String commentId, String deliberationId, String authorId, int draftVersion, Anchor anchor,
                        CommentKind kind, String text, String meetingId, Instant occurredAt, String proposedChange) {
        this(commentId, deliberationId, authorId, draftVersion, anchor, kind, text, meetingId, occurredAt,
                proposedChange, null);
    }

    /** A comment without a proposed change. */
    public RaiseComment(String commentId, String deliberationId, String authorId, int draftVersion, Anchor anchor,
                        CommentKind kind, String text, String meetingId, Instant occurredAt) {
        this(commentId, deliberationId, authorId, draftVersion, anchor, kind, text, meetingId, occurredAt, null);
    }
}
