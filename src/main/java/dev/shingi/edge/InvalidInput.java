package dev.shingi.edge;

/** Input that passed the JSON shape but not a rule of the edge (e.g. a time in the future). Answered 400. */
public class InvalidInput extends RuntimeException {
    private final String field;

    public InvalidInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
