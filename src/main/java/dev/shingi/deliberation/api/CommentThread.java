package dev.shingi.deliberation.api;

import java.util.List;

/** A comment's whole thread: the comment, every response in full, acknowledgements, corrections (old and new) and the comment's own timeline. */
public record CommentThread(
        CommentSummary comment,
        List<ResponseDetail> responses,
        List<Acknowledgement> acknowledgements,
        List<Correction> corrections,
        List<TimelineEntry> history) {
}
