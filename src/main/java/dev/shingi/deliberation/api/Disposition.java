package dev.shingi.deliberation.api;

/** How the secretariat disposed of a comment. */
public enum Disposition {
    /** The draft will change. */
    ACCEPTED,
    /** Will be considered; a CONSIDER commitment usually follows. */
    CONSIDERING,
    /** Explained; no change needed (including "already covered"). */
    ANSWERED,
    /** Acknowledged; any action lies outside the draft. */
    NOTED,
    /** No change, with a reason. */
    DECLINED
}
