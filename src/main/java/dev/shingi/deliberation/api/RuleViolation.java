package dev.shingi.deliberation.api;

/**
 * A command that would break a rule of the deliberation. Nothing is stored; the API answers 409 naming {@link #rule()}.
 */
public class RuleViolation extends RuntimeException {
    private final String rule;

    public RuleViolation(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    /** A stable, machine-readable rule name, e.g. {@code comment.answered-once}. Listed in docs/api.md. */
    public String rule() {
        return rule;
    }
}
