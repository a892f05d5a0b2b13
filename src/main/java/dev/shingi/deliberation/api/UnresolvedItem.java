package dev.shingi.deliberation.api;

/**
 * One thing the readiness gate found unresolved: an unanswered comment ({@code kind} COMMENT, {@code id} its comment
 * id) or an open REVISE_DRAFT commitment the revision does not keep ({@code kind} COMMITMENT, {@code id} its
 * commitment id, {@code commentId} the comment it was promised on). {@code version}: the draft version the comment
 * was raised on; {@code page}: the first page of its anchor, or null.
 */
public record UnresolvedItem(Kind kind, String id, String reference, String commentId, int version, Integer page) {

    public enum Kind { COMMENT, COMMITMENT }
}
