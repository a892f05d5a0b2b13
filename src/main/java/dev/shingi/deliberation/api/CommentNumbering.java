package dev.shingi.deliberation.api;

/**
 * The command side's counter of comment numbers (the N of a comment's reference {@code #N}), answered by its
 * directory. The counter is taken when a comment is raised, not derived from events, so a ledger restored from an
 * export must be told where each deliberation's numbering stands.
 */
public interface CommentNumbering {

    /** The next comment of the deliberation gets a number above {@code lastNumber}; a counter already past it stays. */
    void continueAfter(String deliberationId, int lastNumber);
}
