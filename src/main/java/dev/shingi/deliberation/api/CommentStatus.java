package dev.shingi.deliberation.api;

/** A comment's status, always derived from its events (never stored by a command). */
public enum CommentStatus {
    /** No current response. A REMARK or ENDORSEMENT may stay OPEN forever without being unanswered. */
    OPEN,
    /** Responded, nothing outstanding. */
    ANSWERED,
    /** Responded with commitments still open. */
    AWAITING,
    /** Every commitment fulfilled, concluded or waived. */
    RESOLVED,
    /** Responded DECLINED with nothing outstanding. */
    DECLINED,
    WITHDRAWN;

    /** DOMAIN.md, "Life of a comment": the status a comment's events come to. */
    public static CommentStatus of(boolean withdrawn, String currentResponseId, Disposition currentDisposition,
                                   int openCommitments, int commitmentsOfCurrentResponse) {
        if (withdrawn) {
            return WITHDRAWN;
        }
        if (currentResponseId == null) {
            return OPEN;
        }
        if (openCommitments > 0) {
            return AWAITING;
        }
        if (currentDisposition == Disposition.DECLINED) {
            return DECLINED;
        }
        return commitmentsOfCurrentResponse > 0 ? RESOLVED : ANSWERED;
    }

    /**
     * The one meaning of "unanswered": not withdrawn, no current response, of a kind that asks for an answer. The
     * outstanding view's {@code status = 'OPEN' AND needs_response} is this test on its stored columns; the readiness
     * gate of a revision asks it of each comment.
     */
    public boolean unanswered(CommentKind kind) {
        return this == OPEN && kind.needsResponse();
    }
}
