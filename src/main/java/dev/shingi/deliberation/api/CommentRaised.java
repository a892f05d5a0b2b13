package dev.shingi.deliberation.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A participant commented; {@code reference} is the stable human reference (#7) within the deliberation.
 * Revision 2 added {@code proposedChange} and the anchor's {@code lineFrom}, {@code lineTo} and {@code element}: all
 * null in revision-1 events, which is what they meant (docs/events.md).
 */
@Revision("2")
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
        String proposedChange) implements DeliberationEvent {

    /** Stored events are read through this constructor; the shorter one is for code. */
    @JsonCreator
    public CommentRaised {
    }

    /** A comment without a proposed change (the shape of revision 1). */
    public CommentRaised(String deliberationId, String commentId, String reference, String authorId, int draftVersion,
                         Anchor anchor, CommentKind kind, String text, String meetingId, Instant occurredAt) {
        this(deliberationId, commentId, reference, authorId, draftVersion, anchor, kind, text, meetingId, occurredAt, null);
    }
}
