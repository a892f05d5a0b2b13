package dev.shingi.transfer.iso;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;

/** An uploaded table that cannot be imported: every problem found, each with its row (1-based) and column. */
class BadTable extends RuntimeException {
    /**
     * One problem: the API's {@code reason} in English, and the same said as a message of the bundles
     * ({@code tableImport.problem.<code>} with its arguments) for the page, which speaks the reader's language.
     */
    record Problem(Integer row, String column, String reason, @JsonIgnore String code, @JsonIgnore List<Object> args) {
        Problem {
            args = args == null ? List.of() : List.copyOf(args); // null: read back from a kept result
        }

        /** The column's own name in the template, when the problem has one. */
        @JsonIgnore
        Column columnOf() {
            for (Column c : Column.values()) {
                if (c.title.equals(column)) {
                    return c;
                }
            }
            return null;
        }
    }

    final List<Problem> problems;

    BadTable(String message, List<Problem> problems) {
        super(message);
        this.problems = problems;
    }

    /** The file as a whole is unreadable: no row or column to name. */
    static BadTable file(String code, String reason, Object... args) {
        return new BadTable("The file cannot be read as the ISO/IEC commenting template: " + reason + ".",
                List.of(new Problem(null, null, reason, code, List.of(args))));
    }
}
