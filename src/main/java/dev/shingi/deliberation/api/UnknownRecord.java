package dev.shingi.deliberation.api;

/** A command names a deliberation, participant, comment, commitment or version that does not exist. Answered 404. */
public class UnknownRecord extends RuntimeException {
    private final String field;

    public UnknownRecord(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
