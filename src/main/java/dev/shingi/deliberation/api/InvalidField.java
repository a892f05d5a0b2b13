package dev.shingi.deliberation.api;

/**
 * A command whose field says something the ledger cannot take, by a rule that needs the record to check (a moment
 * before the deliberation opened). Nothing is stored; the API answers 400 naming {@link #field()} and {@link #rule()}.
 */
public class InvalidField extends RuntimeException {
    private final String field;
    private final String rule;

    public InvalidField(String field, String rule, String message) {
        super(message);
        this.field = field;
        this.rule = rule;
    }

    /** The command's field, as the API names it: {@code occurredAt}, {@code startsAt}. */
    public String field() {
        return field;
    }

    /** A stable rule name listed in docs/api.md, e.g. {@code time.after-opening}. */
    public String rule() {
        return rule;
    }
}
