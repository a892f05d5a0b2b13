package dev.shingi.platform;

import org.h2.engine.SessionLocal;
import org.h2.index.Index;
import org.h2.jdbc.JdbcConnection;
import org.h2.table.Table;
import org.h2.table.TableType;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What Shingi needs to see of embedded H2 beyond JDBC: its session (for {@link Durability}, the store), and whether
 * its tables agree with their own indexes — for each table of the main schema, the rows its primary map holds against
 * the entries each of its other indexes holds, which must be the same number.
 * <p>
 * They were seen to disagree once, after SIGKILL (H2 2.3.232, CrashSafetyTest in CI): a transaction in flight at the
 * kill (the views processor wrote the same rows again after the restart) was, it seems, undone on reopening in the
 * table but not in its two secondary indexes, which kept an entry for a row that does not exist. Every statement that
 * then reads the table through one of those indexes waits for that row until "Timeout trying to lock table" — a read
 * model answering 500 for good. Counting is cheap (each map keeps its size), so this runs at every start; see
 * {@code ViewsStartupCheck} for what is done about it.
 */
public final class EmbeddedH2 {

    private EmbeddedH2() {
    }

    /** One index whose entries differ in number from its table's rows. */
    public record Disagreement(String table, String index, long rows, long entries) {
        @Override
        public String toString() {
            return table + ": " + rows + " rows, " + entries + " entries in " + index;
        }
    }

    /** The embedded H2 session behind a connection; empty for any other database (or H2 over TCP). */
    static Optional<SessionLocal> session(Connection c) throws SQLException {
        if (c.isWrapperFor(JdbcConnection.class)
                && c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session) {
            return Optional.of(session);
        }
        return Optional.empty();
    }

    /**
     * The indexes of the main schema's tables that disagree with their tables, table names in lower case; empty when
     * all agree, or when the connection is not to an embedded H2 database.
     * <p>
     * Compares the maps' own sizes, which count uncommitted entries too: exact only while nothing is being written, as
     * at start-up, before anything runs. (H2's transactional count, {@code getRowCount}, reads every row when the
     * asking transaction has written nothing — 2–3 s at 100k events; the map sizes cost microseconds.)
     */
    public static List<Disagreement> disagreements(Connection c) throws SQLException {
        Optional<SessionLocal> found = session(c);
        if (found.isEmpty()) {
            return List.of();
        }
        SessionLocal session = found.get();
        List<Disagreement> out = new ArrayList<>();
        for (Table table : session.getDatabase().getMainSchema().getAllTablesAndViews(session)) {
            if (table.getTableType() != TableType.TABLE || !table.canGetRowCount(session)) {
                continue;
            }
            Index scan = table.getScanIndex(session);
            long rows = scan.getRowCountApproximation(session);
            for (Index index : table.getIndexes()) {
                long entries = index.getRowCountApproximation(session);
                if (index != scan && entries != rows) {
                    out.add(new Disagreement(table.getName().toLowerCase(Locale.ROOT), index.getName(), rows, entries));
                }
            }
        }
        return out;
    }
}
