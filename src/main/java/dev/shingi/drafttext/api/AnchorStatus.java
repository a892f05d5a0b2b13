package dev.shingi.drafttext.api;

/** What became of a comment's passage in a later version. */
public enum AnchorStatus {
    /** The passage reads the same, on the same page and line. */
    CARRIED,
    /** The passage reads the same, elsewhere. */
    MOVED,
    /** The passage was edited; the re-anchoring gives the old and the new text. Also the answer whenever unsure. */
    CHANGED,
    /** The passage is gone (deleted, or not found in the version the comment was raised on). */
    ORPHANED
}
