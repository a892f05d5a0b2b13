package dev.shingi.deliberation.api;

public enum CommentKind {
    CHANGE_REQUEST, QUESTION, EDITORIAL, REMARK, ENDORSEMENT;

    /** A remark or an endorsement asks for nothing: it is never "unanswered". */
    public boolean needsResponse() {
        return this != REMARK && this != ENDORSEMENT;
    }
}
