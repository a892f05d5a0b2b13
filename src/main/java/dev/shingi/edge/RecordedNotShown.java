package dev.shingi.edge;

/**
 * A write was stored, but the views do not show it yet (they are being rebuilt, or they did not catch up within
 * {@code shingi.read-your-writes.timeout}), so its answer cannot be read back. {@link ProblemHandler} answers 202
 * Accepted with {@code Location}: the write stands, and the record can be read there once the views show it.
 */
public class RecordedNotShown extends RuntimeException {
    private final String location;
    private final boolean rebuilding;

    public RecordedNotShown(String location, boolean rebuilding) {
        super(rebuilding
                ? "Recorded. The views are being rebuilt from the event log and do not show it yet; read it at "
                + location + " once the rebuild is done (the Shingi-Rebuilding header tells how far it is)."
                : "Recorded. The views have not caught up with it yet; read it at " + location + " in a moment.");
        this.location = location;
        this.rebuilding = rebuilding;
    }

    public String location() {
        return location;
    }

    public boolean rebuilding() {
        return rebuilding;
    }
}
