package dev.shingi.drafttext.api;

/**
 * Why a change reads as it does: a commitment kept at the change's page ({@link Kind#FULFILMENT}, with the commitment
 * and its comment), or a comment whose passage the change edited or removed ({@link Kind#COMMENT}, commitment null).
 */
public record Cause(Kind kind, String commentId, String commentReference, String commitmentId,
                    String commitmentReference) {

    public enum Kind { FULFILMENT, COMMENT }
}
