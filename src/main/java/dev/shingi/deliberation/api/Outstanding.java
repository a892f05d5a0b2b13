package dev.shingi.deliberation.api;

import java.util.List;

/** What still needs doing: comments that need a response and have none, and open commitments. */
public record Outstanding(
        List<CommentSummary> comments,
        List<CommitmentSummary> commitments) {
}
