package dev.shingi.deliberation.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A participant commented; {@code reference} is the stable human reference (#7) within the deliberation.
 * Revision 2 added {@code proposedChange} and the anchor's {@code lineFrom}, {@code lineTo} and {@code element}: all
 * null in revision-1 events, which is what they meant (docs/events.md). Revision 3 added {@code source} (where an
 * imported comment came from) and the anchor's {@code prefix} and {@code suffix} (the words around its quote): null
 * in earlier events.
 */
@Revision("3")
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
        Instant occurredAt,
        String proposedChange,
        CommentSource source) implements DeliberationEvent {

    /** Stored events are read through this constructor; the shorter one is for code. */
    @JsonCreator
    public CommentRaised {
    }

    /** A comment not imported from a table (the shape of revision 2). */
    public CommentRaised(String deliberationId, String commentId, String reference, String authorId, int draftVersion,
                         Anchor anchor, CommentKind kind, String text, String meetingId, Instant occurredAt,
                         String proposedChange) {
        this(deliberationId, commentId, reference, authorId, draftVersion, anchor, kind, text, meetingId, occurredAt,
                proposedChange, null);
    }

    /** A comment without a proposed change (the shape of revision 1). */
    public CommentRaised(String deliberationId, String commentId, String reference, String authorId, int draftVersion,
                         Anchor anchor, CommentKind kind, String text, String meetingId, Instant occurredAt) {
        this(deliberationId, commentId, reference, authorId, draftVersion, anchor, kind, text, meetingId, occurredAt, null);
    }
}
