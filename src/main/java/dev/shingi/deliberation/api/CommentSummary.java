package dev.shingi.deliberation.api;

import java.time.Instant;

/** A comment as lists show it; {@code source} is where an imported comment came from (null otherwise). */
public record CommentSummary(
        String commentId,
        String reference,
        String deliberationId,
        ParticipantRef author,
        int draftVersion,
        Anchor anchor,
        String anchorText,
        CommentKind kind,
        String text,
        String meetingId,
        CommentStatus status,
        boolean needsResponse,
        Instant occurredAt,
        Instant recordedAt,
        String proposedChange,
        CommentSource source) {

    /** A comment not imported from a table. */
    public CommentSummary(String commentId, String reference, String deliberationId, ParticipantRef author,
                          int draftVersion, Anchor anchor, String anchorText, CommentKind kind, String text,
                          String meetingId, CommentStatus status, boolean needsResponse, Instant occurredAt,
                          Instant recordedAt, String proposedChange) {
        this(commentId, reference, deliberationId, author, draftVersion, anchor, anchorText, kind, text, meetingId,
                status, needsResponse, occurredAt, recordedAt, proposedChange, null);
    }

    /** A comment without a proposed change. */
    public CommentSummary(String commentId, String reference, String deliberationId, ParticipantRef author,
                          int draftVersion, Anchor anchor, String anchorText, CommentKind kind, String text,
                          String meetingId, CommentStatus status, boolean needsResponse, Instant occurredAt,
                          Instant recordedAt) {
        this(commentId, reference, deliberationId, author, draftVersion, anchor, anchorText, kind, text, meetingId,
                status, needsResponse, occurredAt, recordedAt, null);
    }
}
