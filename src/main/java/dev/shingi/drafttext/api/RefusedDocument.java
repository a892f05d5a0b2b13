package dev.shingi.drafttext.api;

/**
 * A file that cannot be a version's document: empty, over the size limit, not what its type says, encrypted, or not
 * readable as its type. Nothing is stored; the API answers 400 naming the part {@code file} and {@link #rule()}.
 */
public class RefusedDocument extends RuntimeException {
    public static final String EMPTY = "document.not-empty";
    public static final String TOO_LARGE = "document.size-limit";
    public static final String TYPE_MISMATCH = "document.type-matches-content";
    public static final String UNSUPPORTED = "document.supported-type";
    public static final String ENCRYPTED = "document.not-encrypted";
    public static final String UNREADABLE = "document.readable";

    private final String rule;

    public RefusedDocument(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    /** A stable rule name listed in docs/api.md, e.g. {@code document.not-encrypted}. */
    public String rule() {
        return rule;
    }
}
