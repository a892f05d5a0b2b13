package dev.shingi.deliberation.api;

import java.util.List;

/** One answered comment in the who-answered-what table. */
public record AnswerLine(
        String commentId,
        String commentReference,
        ParticipantRef member,
        ParticipantRef responder,
        CommentKind kind,
        String anchorText,
        Disposition disposition,
        CommentStatus status,
        List<String> commitments) {
}
