package dev.shingi.deliberation.query;

import dev.shingi.platform.ShadowTables;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the bulk rebuild's rows go ({@link ViewsBulkRebuild}): written on the rebuild's thread, a transaction per set
 * of rows, one JDBC batch per statement, and counted by table for the log. (Writer threads of their own were tried —
 * {@code shingi.rebuild.writer-threads}, docs/benchmarks.md, fourth measurement — and did not shorten a rebuild on two
 * cores: most of its CPU is H2's own; they were removed.)
 */
final class BulkRows {
    private final DataSource dataSource;
    private final TransactionTemplate tx;
    /** Rows written, by table. */
    private final Map<String, Long> written = new TreeMap<>();

    /** Where the rows go instead of the database, for a check that compares them with the stored ones. */
    private final java.util.function.BiConsumer<String, List<Object[]>> collector;

    /** Whether rows go into the tables' copies ({@link ShadowTables}) rather than the tables. */
    private final boolean shadow;

    /** Rows into the tables' copies ({@code shadow}) or into the tables themselves. */
    BulkRows(DataSource dataSource, TransactionTemplate tx, boolean shadow) {
        this.dataSource = dataSource;
        this.tx = tx;
        this.collector = null;
        this.shadow = shadow;
    }

    /** Rows handed to {@code collector} (a statement and its rows at a time), never written. */
    BulkRows(java.util.function.BiConsumer<String, List<Object[]>> collector) {
        this.dataSource = null;
        this.tx = null;
        this.collector = collector;
        this.shadow = false;
    }

    /** Rows written so far, by table. */
    Map<String, Long> written() {
        return written;
    }

    /** Writes the comment writes' rows (and empties them). */
    void write(CommentsProjection.Writes writes) {
        Map<String, List<Object[]>> statements = new LinkedHashMap<>();
        writes.flush((sql, rows) -> statements.merge(sql, rows, (a, b) -> {
            a.addAll(b);
            return a;
        }));
        write(statements);
    }

    /** Writes each statement's rows, all in one transaction. */
    void write(Map<String, List<Object[]>> statements) {
        statements.forEach((sql, rows) -> written.merge(table(sql), (long) rows.size(), Long::sum));
        if (collector != null) {
            statements.forEach(collector);
            return;
        }
        tx.executeWithoutResult(status -> statements.forEach((sql, rows) -> batch(shadow ? into(sql) : sql, rows)));
    }

    /** Rows for {@link DeliberationsProjection#write}, gathered until {@link #flush()}. */
    final class Batch implements DeliberationsProjection.Sink {
        private Map<String, List<Object[]>> statements = new LinkedHashMap<>();
        private int rows;

        @Override
        public void insert(String sql, Object... args) {
            statements.computeIfAbsent(sql, k -> new ArrayList<>()).add(args);
            rows++;
        }

        int rows() {
            return rows;
        }

        void flush() {
            write(statements);
            statements = new LinkedHashMap<>();
            rows = 0;
        }
    }

    /** The same INSERT into the table's copy. */
    static String into(String sql) {
        String table = table(sql);
        return "INSERT INTO " + ShadowTables.shadow(table) + sql.substring("INSERT INTO ".length() + table.length());
    }

    static String table(String sql) {
        if (!sql.startsWith("INSERT INTO ")) {
            throw new IllegalArgumentException("The bulk rebuild only inserts rows: " + sql);
        }
        int from = "INSERT INTO ".length();
        return sql.substring(from, sql.indexOf(' ', from));
    }

    /**
     * One statement with all its rows in one JDBC batch, on the transaction's connection. Plain setObject (what a
     * JdbcTemplate spends on finding parameter types was a tenth of a rebuild); nulls as untyped nulls.
     */
    private void batch(String sql, List<Object[]> rows) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    if (row[i] == null) {
                        statement.setNull(i + 1, Types.NULL);
                    } else {
                        statement.setObject(i + 1, row[i]);
                    }
                }
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Bulk rebuild: " + sql, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
