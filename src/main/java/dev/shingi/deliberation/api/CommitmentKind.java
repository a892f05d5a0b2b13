package dev.shingi.deliberation.api;

public enum CommitmentKind {
    /** The draft will be revised; fulfilled by a revision. */
    REVISE_DRAFT,
    /** Must later be concluded with an outcome. */
    CONSIDER,
    /** Action outside the draft. */
    ACTION
}
