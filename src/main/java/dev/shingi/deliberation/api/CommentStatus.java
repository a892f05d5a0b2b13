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
    WITHDRAWN
}
