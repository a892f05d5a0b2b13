package dev.shingi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How fast embedded H2 can do the least a rebuild of the views must do, with no Shingi code at all: the floor under
 * the rebuild rate of issue #3 (≥ 50,000 events/s on H2; docs/benchmarks.md, "Tenth measurement"). On a database the
 * time-travel benchmark kept ({@code -Dbench.keep=true}):
 * <ol>
 * <li>the whole log is read in order and every payload, metadata document and timestamp parsed, into nothing;</li>
 * <li>every view table's rows are read into memory, then inserted into an empty copy of the table — in JDBC batches
 * of {@value #BATCH}, a commit every {@value #COMMIT} rows, as {@code ViewsBulkRebuild} sends them — once without
 * indexes, once with the table's own indexes created first, once with the indexes created after the rows (H2 then
 * builds each in bulk).</li>
 * </ol>
 * Only those reads, inserts, commits and index builds are timed; the copies are dropped afterwards. The whole is done
 * {@code floor.rounds} times (3); the last round is the figure, the others warm the JIT and H2's cache. The copies go
 * into the same database file (the same cache and write delay as Shingi's embedded default, application.yml), or
 * with {@code -Dfloor.target=mem} into an in-memory H2 database.
 * <pre>
 * java -Xmx8g -XX:+UseParallelGC -Dfloor.dir=/tmp/tb/n100000 -Dfloor.events=100000 -cp … dev.shingi.bench.StorageFloor
 * </pre>
 */
public final class StorageFloor {
    private static final int BATCH = 500;
    private static final int COMMIT = 5_000;
    private static final int PAGE = 10_000;

    /** Every view table: BulkRebuildTest's copy of ViewsConfig.TABLES (package-private in the query package). */
    private static final List<String> TABLES = BulkRebuildTest.TABLES;

    private StorageFloor() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(System.getProperty("floor.dir")).toAbsolutePath();
        long events = Long.parseLong(System.getProperty("floor.events"));
        String url = "jdbc:h2:file:" + dir.resolve("shingi") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=500;CACHE_SIZE=131072";
        int rounds = Integer.getInteger("floor.rounds", 3);
        boolean inMemory = "mem".equals(System.getProperty("floor.target", "file"));
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             Connection target = inMemory ? DriverManager.getConnection("jdbc:h2:mem:floor;DB_CLOSE_DELAY=-1", "sa", "") : null) {
            System.out.println("[floor] the copies in " + (inMemory ? "an in-memory H2 database" : "the same database file"));
            for (int round = 1; round <= rounds; round++) {
                System.out.printf(Locale.ROOT, "[floor] round %d of %d%s%n", round, rounds,
                        round < rounds ? " (warm-up: the JIT, H2's cache)" : "");
                measure(c, inMemory ? target : c, events);
            }
        }
    }

    private static void measure(Connection c, Connection target, long events) throws Exception {
        double log = readLog(c, events);
        long rows = 0;
        long indexEntries = 0;
        double bare = 0;
        double indexed = 0;
        double after = 0;
        for (String table : TABLES) {
            List<String> columns = new ArrayList<>();
            List<Object[]> data = read(c, table, columns);
            List<String> indexes = indexDdl(c, table);
            Copy copy = new Copy(target, table, columns, data);
            double tableBare = copy.insert(List.of(), true);
            double tableIndexed = copy.insert(indexes, true);
            double tableAfter = copy.thenIndex(indexes);
            System.out.printf(Locale.ROOT, "[floor] %-18s %,10d rows %2d indexes: bare %6.2f s, indexed %6.2f s,"
                    + " indexes created after %6.2f s%n", table, data.size(), indexes.size(), tableBare, tableIndexed,
                    tableAfter);
            rows += data.size();
            indexEntries += (long) data.size() * indexes.size();
            bare += tableBare;
            indexed += tableIndexed;
            after += tableAfter;
        }
        System.out.printf(Locale.ROOT, "[floor] %,d events: %,d rows (%.2f per event), %,d index entries (%.1f per event)%n",
                events, rows, (double) rows / events, indexEntries, (double) indexEntries / events);
        System.out.printf(Locale.ROOT, "[floor] storing them: bare %.2f s = %,.0f events/s; with the indexes %.2f s = %,.0f events/s%n",
                bare, events / bare, indexed, events / indexed);
        System.out.printf(Locale.ROOT, "[floor] the rows, then CREATE INDEX: %.2f s = %,.0f events/s%n", after, events / after);
        System.out.printf(Locale.ROOT, "[floor] reading and parsing the log, then storing the rows: bare %,.0f events/s;"
                + " with the indexes %,.0f events/s%n", events / (log + bare), events / (log + indexed));
    }

    /**
     * Reads the whole log in order, {@value #PAGE} positions per statement (as the rebuild's first pass), and parses
     * every payload and metadata document and timestamp, into nothing: the least a rebuild must do per event before
     * it folds anything. Jackson's tree model, not the event classes: cheaper than binding, so still a floor.
     */
    private static double readLog(Connection c, long events) throws Exception {
        ObjectMapper json = new ObjectMapper();
        long start = System.nanoTime();
        long read = 0;
        long fields = 0;
        try (PreparedStatement s = c.prepareStatement("SELECT globalIndex, aggregateIdentifier, sequenceNumber,"
                + " payloadType, payloadRevision, payload, metaData, timeStamp FROM DomainEventEntry"
                + " WHERE globalIndex > ? AND globalIndex <= ? ORDER BY globalIndex")) {
            for (long from = 0; read < events; from += PAGE) {
                s.setLong(1, from);
                s.setLong(2, from + PAGE);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        JsonNode payload = json.readTree(rs.getBytes(6));
                        JsonNode metaData = json.readTree(rs.getBytes(7));
                        fields += payload.size() + metaData.size() + rs.getString(2).length() + rs.getString(4).length()
                                + Instant.parse(rs.getString(8)).getNano() % 2;
                        read++;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "[floor] the log: %,d events read and parsed in %.2f s = %,.0f events/s (%d)%n",
                read, seconds, read / seconds, fields % 10);
        return seconds;
    }

    /** The table's rows, and in {@code columns} each column's name and type, as a CREATE TABLE lists them. */
    private static List<Object[]> read(Connection c, String table, List<String> columns) throws SQLException {
        List<Object[]> data = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
            int n = rs.getMetaData().getColumnCount();
            for (int i = 1; i <= n; i++) {
                columns.add(rs.getMetaData().getColumnName(i) + " " + rs.getMetaData().getColumnTypeName(i));
            }
            while (rs.next()) {
                Object[] row = new Object[n];
                for (int i = 0; i < n; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                data.add(row);
            }
        }
        return data;
    }

    /** CREATE INDEX statements for the table's indexes other than its primary key's, on the copy. */
    private static List<String> indexDdl(Connection c, String table) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT i.INDEX_NAME, i.INDEX_TYPE_NAME, ic.COLUMN_NAME"
                + " FROM INFORMATION_SCHEMA.INDEXES i JOIN INFORMATION_SCHEMA.INDEX_COLUMNS ic"
                + " ON ic.INDEX_SCHEMA = i.INDEX_SCHEMA AND ic.INDEX_NAME = i.INDEX_NAME"
                + " WHERE i.TABLE_SCHEMA = 'PUBLIC' AND i.TABLE_NAME = ? ORDER BY i.INDEX_NAME, ic.ORDINAL_POSITION")) {
            s.setString(1, table.toUpperCase(Locale.ROOT));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(3));
                    types.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        List<String> ddl = new ArrayList<>();
        columns.forEach((name, cols) -> {
            String type = types.get(name);
            ddl.add((type.startsWith("PRIMARY") || type.startsWith("UNIQUE") ? "CREATE UNIQUE INDEX " : "CREATE INDEX ")
                    + "floor_" + name + " ON floor_" + table + " (" + String.join(", ", cols) + ")");
        });
        return ddl;
    }

    /** An empty copy of a view table, without its rows or indexes, in {@code target}, and the rows to put in it. */
    private record Copy(Connection target, String table, List<String> columns, List<Object[]> data) {
        String name() {
            return "floor_" + table;
        }

        /** The rows inserted without indexes, then the indexes created: H2 builds an index in bulk. */
        double thenIndex(List<String> indexes) throws SQLException {
            long start = System.nanoTime();
            insert(List.of(), false);
            try (Statement s = target.createStatement()) {
                for (String index : indexes) {
                    s.execute(index);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                s.execute("DROP TABLE " + name());
                return seconds;
            }
        }

        /** Creates the copy with {@code indexes}, then times inserting the rows; drops the copy if asked. */
        double insert(List<String> indexes, boolean drop) throws SQLException {
            try (Statement s = target.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + name());
                s.execute("CREATE TABLE " + name() + " (" + String.join(", ", columns) + ")");
                for (String index : indexes) {
                    s.execute(index);
                }
            }
            target.setAutoCommit(false);
            long start = System.nanoTime();
            if (!data.isEmpty()) {
                int n = columns.size();
                String marks = String.join(", ", Collections.nCopies(n, "?"));
                try (PreparedStatement insert = target.prepareStatement("INSERT INTO " + name() + " VALUES (" + marks + ")")) {
                    int pending = 0;
                    int uncommitted = 0;
                    for (Object[] row : data) {
                        for (int i = 0; i < n; i++) {
                            insert.setObject(i + 1, row[i]);
                        }
                        insert.addBatch();
                        if (++pending == BATCH) {
                            insert.executeBatch();
                            pending = 0;
                        }
                        if (++uncommitted == COMMIT) {
                            if (pending > 0) {
                                insert.executeBatch();
                                pending = 0;
                            }
                            target.commit();
                            uncommitted = 0;
                        }
                    }
                    if (pending > 0) {
                        insert.executeBatch();
                    }
                }
            }
            target.commit();
            double seconds = (System.nanoTime() - start) / 1e9;
            target.setAutoCommit(true);
            if (drop) {
                try (Statement s = target.createStatement()) {
                    s.execute("DROP TABLE " + name());
                }
            }
            return seconds;
        }
    }
}
