package dev.shingi.deliberation.api;

import java.util.List;

/**
 * The read models checked against the log: every view row recomputed from the events, as a rebuild would write it,
 * and compared with the row stored (verify's views mode, docs/security.md). Rows written by hand into a view — a
 * comment's author changed in {@code comment_v} — show here, though the log is intact.
 */
public interface ViewCheck {

    /**
     * A row that is not what the log says. {@code problem}: {@code DIFFERS} (the row is there with other values;
     * {@code detail} names the columns), {@code MISSING} (the log has it, the view does not), {@code UNEXPECTED} (the
     * view has a row the log does not give).
     */
    record Disagreement(String table, String rowKey, String problem, String detail) {
    }

    /** Every disagreeing row, by table and row key; empty when every view is what the log says. */
    List<Disagreement> check();
}
