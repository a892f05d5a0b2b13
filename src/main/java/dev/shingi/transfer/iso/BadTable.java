package dev.shingi.transfer.iso;

import java.util.List;

/** An uploaded table that cannot be imported: every problem found, each with its row (1-based) and column. */
class BadTable extends RuntimeException {
    record Problem(Integer row, String column, String reason) {
    }

    final List<Problem> problems;

    BadTable(String message, List<Problem> problems) {
        super(message);
        this.problems = problems;
    }

    /** The file as a whole is unreadable: no row or column to name. */
    static BadTable file(String reason) {
        return new BadTable("The file cannot be read as the ISO/IEC commenting template: " + reason + ".",
                List.of(new Problem(null, null, reason)));
    }
}
