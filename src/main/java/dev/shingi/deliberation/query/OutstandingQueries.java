package dev.shingi.deliberation.query;

import dev.shingi.deliberation.api.*;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.shingi.deliberation.query.AsOfSql.args;
import static dev.shingi.deliberation.query.AsOfSql.day;
import static dev.shingi.deliberation.query.Temporal.millis;
import static dev.shingi.deliberation.query.ViewRows.byKey;
import static dev.shingi.deliberation.query.ViewRows.comment;
import static dev.shingi.deliberation.query.ViewRows.commitment;
import static dev.shingi.deliberation.query.ViewRows.inReferenceOrder;
import static dev.shingi.deliberation.query.ViewRows.numberAfter;

/**
 * What is outstanding in a deliberation as of a moment ({@link FindOutstanding}): the open comments that need a
 * response ({@link CommentStatus#unanswered}, as columns: status 'OPEN' and needs_response) and the open commitments. No query replays the log; the rows that hold are found through indexes over
 * their intervals (interval trees on H2, GiST on PostgreSQL), so the cost depends on the answer, not on the length of
 * the history.
 */
@Component
class OutstandingQueries {

    /** Beyond every start and end a row can have, "forever" (Long.MAX_VALUE) included. */
    private static final double QUADRANT_EDGE = 1e19;

    private final JdbcTemplate jdbc;
    private final ViewRows rows;
    /** Walks interval trees on H2 and probes GiST indexes on PostgreSQL (ADR 007). */
    private final boolean postgres;
    /** One snapshot for the several statements of one answer. */
    private final TransactionTemplate snapshot;

    OutstandingQueries(JdbcTemplate jdbc, PlatformTransactionManager transactions, ViewRows rows) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.postgres = Vendor.postgres(jdbc);
        this.snapshot = AsOfSql.snapshot(transactions, postgres);
    }

    /** In one snapshot: its several statements (ranges, probes, both tables, the names) see the same views. */
    @QueryHandler
    Outstanding handle(FindOutstanding query) {
        AsOf asOf = query.asOf();
        rows.requireDeliberation(query.deliberationId());
        return snapshot.execute(status -> {
            Map<String, ParticipantRef> people = rows.participants(query.deliberationId(), asOf);
            LocalDate today = day(asOf.at());
            List<CommentSummary> comments = byKey(stab("comment_v", "AND needs_response = TRUE",
                    query.deliberationId(), asOf, (rs, i) -> comment(rs, people)), c -> numberAfter(c.reference(), 0));
            List<CommitmentSummary> commitments = inReferenceOrder(stab("commitment_v", "", query.deliberationId(),
                    asOf, (rs, i) -> commitment(rs, people, today)));
            return new Outstanding(comments, commitments);
        });
    }

    /**
     * OPEN rows of a table that hold at (at, position): a row holds iff valid_from <= at < valid_to and known_from <=
     * position < known_to. Rows that end on the occurred clock are found by their validity, rows that hold until
     * further notice by what the ledger knew them for, so that neither search meets superseded history; the cost
     * follows the rows that hold, not the length of the history (ADR 007). {@code extra} is the condition the indexes
     * are restricted to beyond status = 'OPEN' (comments: those that need a response).
     * <p>
     * PostgreSQL: each interval is a point (start, end) in a partial GiST index (V14), and "the intervals containing
     * t" is the quadrant start <= t <= end, one probe per clock, the exact bounds tested on what it finds. H2: the
     * relational interval trees of V4/V7 ({@link #treeStab}). Either way several statements: run it in
     * {@link #snapshot}, or a row the views processor re-files between two of them (its knowledge closed, so it moves
     * to another node or quadrant) could be read twice or not at all.
     */
    private <T> List<T> stab(String table, String extra, String deliberationId, AsOf asOf, RowMapper<T> mapper) {
        long at = millis(asOf.at());
        long position = asOf.position();
        if (!postgres) {
            return treeStab(table, extra, deliberationId, at, position, mapper);
        }
        String exact = " AND deliberation_id = ? AND status = 'OPEN' " + extra
                + " AND valid_from <= ? AND valid_to > ? AND known_from <= ? AND known_to > ?";
        Object[] bounds = {deliberationId, at, at, position, position};
        List<T> rows = new ArrayList<>(jdbc.query("SELECT * FROM " + table
                        + " WHERE point(valid_from::float8, valid_to::float8) <@ box(point(?, ?), point(?, ?))"
                        + " AND valid_to < " + Temporal.FOREVER + exact, mapper, args(quadrant(at), bounds)));
        rows.addAll(jdbc.query("SELECT * FROM " + table
                        + " WHERE point(known_from::float8, known_to::float8) <@ box(point(?, ?), point(?, ?))"
                        + " AND valid_to = " + Temporal.FOREVER + exact, mapper, args(quadrant(position), bounds)));
        return rows;
    }

    /**
     * H2: the rows on the paths to {@code at} (tree over the occurred clock, {@code ri_node}) and to {@code position}
     * (tree over knowledge, {@code kn_node}), one index range per node (Temporal.java), each its own statement. The
     * indexes hold the other clock's bounds too (V15), though H2 still reads each entry's row to test them (ADR 007,
     * correction: asking for keys first, then the rows, measured no faster). Measured at 1M events, against
     * one UNION ALL of all the ranges: the union's text depends on the instant, so H2 parsed it for nearly every query,
     * and it converted every row it carried; six texts per table, each parsed once per connection, cost about half.
     * Not an R-tree, as on PostgreSQL: H2 2.3.232 could not open a database again after a crash with one (ADR 007).
     */
    private <T> List<T> treeStab(String table, String extra, String deliberationId, long at, long position,
                                 RowMapper<T> mapper) {
        List<T> rows = new ArrayList<>();
        walk(rows, table, extra, deliberationId, "ri_node", "valid", at,
                " AND known_from <= ? AND known_to > ?", new Object[]{position, position}, mapper);
        walk(rows, table, extra, deliberationId, "kn_node", "known", position,
                " AND valid_from <= ?", new Object[]{at}, mapper);
        return rows;
    }

    /**
     * One tree's ranges: the nodes ({@code nodeColumn}) on the path to {@code t} over the clock whose columns are
     * {@code clock}_from / {@code clock}_to, each range filtered on the other clock's bounds ({@code other}).
     */
    private <T> void walk(List<T> rows, String table, String extra, String deliberationId, String nodeColumn,
                          String clock, long t, String other, Object[] otherBounds, RowMapper<T> mapper) {
        String sql = "SELECT * FROM " + table + " WHERE deliberation_id = ? AND status = 'OPEN' AND " + nodeColumn
                + " = ? " + extra + other;
        Temporal.path(t, (node, side) -> {
            Object[] head = args(new Object[]{deliberationId, node}, otherBounds);
            rows.addAll(switch (side) {
                case NODE_AFTER -> jdbc.query(sql + " AND " + clock + "_from <= ?", mapper, args(head, new Object[]{t}));
                case NODE_BEFORE -> jdbc.query(sql + " AND " + clock + "_to > ?", mapper, args(head, new Object[]{t}));
                case AT -> jdbc.query(sql, mapper, head);
            });
        });
    }

    /** The points (start, end) with start <= t <= end, as the corners of a box (PostgreSQL: float8, exact here). */
    private static Object[] quadrant(long t) {
        return new Object[]{-QUADRANT_EDGE, (double) t, (double) t, QUADRANT_EDGE};
    }
}
