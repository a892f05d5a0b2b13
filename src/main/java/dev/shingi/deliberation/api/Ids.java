package dev.shingi.deliberation.api;

/** The identifier schemes the ledger relies on. Changing any of them would orphan stored events. */
public final class Ids {
    /** What an id given by a client may be (deliberations, participants, comments, meetings…): 1–100 of these. */
    public static final String PATTERN = "[A-Za-z0-9_-]{1,100}";

    private Ids() {
    }

    /** Each draft version is its own small aggregate, so a version number can be taken only once per deliberation. */
    public static String draftVersion(String deliberationId, int version) {
        return deliberationId + "/v" + version;
    }

    /** A commitment's id is its comment's id and its number within the comment, so it routes to its comment. */
    public static String commitment(String commentId, int number) {
        return commentId + "." + number;
    }

    /** The comment a commitment id belongs to, or null when the id is not of the commitment form. */
    public static String commentIdOfCommitment(String commitmentId) {
        int dot = commitmentId == null ? -1 : commitmentId.lastIndexOf('.');
        return dot <= 0 ? null : commitmentId.substring(0, dot);
    }

    public static String commentReference(int number) {
        return "#" + number;
    }

    public static String commitmentReference(String commentReference, int number) {
        return commentReference + "." + number;
    }
}
