package dev.shingi.deliberation.api;

import java.util.List;

/** One row of a disposition of comments: the comment and every response to it in full, with their commitments. */
public record DispositionEntry(CommentSummary comment, List<ResponseDetail> responses) {
}
