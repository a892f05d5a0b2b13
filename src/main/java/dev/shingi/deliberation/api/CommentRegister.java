package dev.shingi.deliberation.api;

import java.util.Optional;

/**
 * Where each comment belongs, answered by the command side (kept in the same transaction as the events, never behind
 * the log): what the edge needs to authorise a write on a comment, or to read a reference such as {@code #7.1},
 * even while the read models are being rebuilt.
 */
public interface CommentRegister {

    /** The deliberation of a comment; empty for an unknown comment. */
    Optional<String> deliberationOf(String commentId);

    /** The comment with the reference {@code #N} in a deliberation; empty when there is none. */
    Optional<String> commentByReference(String deliberationId, String reference);
}
