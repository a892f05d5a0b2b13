package dev.shingi.transfer.ledger;

/**
 * An import refused before anything was written: 400 for the input (with the line number and why), 409 when the
 * ledger is not empty. Answered as a problem detail by {@link LedgerTransferController}.
 */
public class ImportRefused extends RuntimeException {
    private final int status;
    private final String type;
    private final long line;

    ImportRefused(int status, String type, long line, String message) {
        super(message);
        this.status = status;
        this.type = type;
        this.line = line;
    }

    static ImportRefused at(long line, String reason) {
        return new ImportRefused(400, "import-refused", line, "line " + line + ": " + reason);
    }

    static ImportRefused notEmpty(long events) {
        return new ImportRefused(409, "ledger-not-empty", 0, "The ledger already holds " + events + " events; an "
                + "import goes into an empty ledger only (start the target with shingi.demo.enabled=false on a new "
                + "data directory or schema). Nothing was written.");
    }

    static ImportRefused writtenMeanwhile() {
        return new ImportRefused(409, "ledger-not-empty", 0, "Other events were recorded while the import was "
                + "writing (is the application taking commands?); the import was rolled back and nothing of it was "
                + "written. Import into a ledger nobody else is writing to.");
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    /** The line of the input at fault, from 1; 0 when the refusal is not about a line. */
    public long line() {
        return line;
    }
}
