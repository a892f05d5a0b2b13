package dev.shingi.edge;

/**
 * Input that passed the JSON shape but not a rule of the edge (e.g. a time in the future). Answered 400. {@code code}
 * names the rule for forms that word it from the message bundles (null when the field alone says enough).
 */
public class InvalidInput extends RuntimeException {
    private final String field;
    private final String code;

    public InvalidInput(String field, String message) {
        this(field, null, message);
    }

    public InvalidInput(String field, String code, String message) {
        super(message);
        this.field = field;
        this.code = code;
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }
}
