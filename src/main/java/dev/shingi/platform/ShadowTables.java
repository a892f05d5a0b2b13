package dev.shingi.platform;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Copies of live tables that are filled beside them and then take their place: {@link #create} makes each
 * {@code <table>_next} with the live table's columns (types, defaults, NOT NULL) and nothing else, so that rows go in
 * without maintaining an index; {@link #index} then gives it every constraint and index the live table has now; and
 * {@link #swap} drops the live table and renames the copy, its indexes and its constraints to the live names.
 * <p>
 * The definitions are read from the database itself each time — H2's {@code SCRIPT NODATA}, PostgreSQL's catalog
 * ({@code pg_get_constraintdef}, {@code pg_get_indexdef}) — never written down here, so an index a later migration
 * adds to a live table is on its copy too.
 * <p>
 * H2 commits every DDL statement by itself: {@link #swap} runs statement after statement, and the caller keeps
 * readers out while it does. On PostgreSQL it is one transaction.
 */
@Component
public class ShadowTables {
    /** Appended to a table's, an index's and a constraint's name for its copy. */
    public static final String SUFFIX = "_next";

    private static final Pattern H2_NAMED = Pattern.compile(
            "^(ALTER TABLE \"[^\"]+\"\\.\"[^\"]+\" ADD CONSTRAINT |CREATE (?:UNIQUE |SPATIAL |HASH )*INDEX )"
                    + "\"([^\"]+)\"\\.\"([^\"]+)\"(.*)$", Pattern.DOTALL);
    private static final Pattern PG_INDEX = Pattern.compile(
            "^(CREATE (?:UNIQUE )?INDEX )(\\S+)( ON (?:ONLY )?)(\\S+)( .*)$", Pattern.DOTALL);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public ShadowTables(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
    }

    /** The copy's name of {@code table}. */
    public static String shadow(String table) {
        return table + SUFFIX;
    }

    /** A constraint or index of a live table, and the DDL that gives its copy the same under a name of its own. */
    record Definition(String table, boolean index, String name, String shadowDdl) {
    }

    /** Drops any copy left from before (a rebuild cut short) and creates every table's copy, without rows. */
    public void create(List<String> tables) {
        for (String table : tables) {
            if (postgres()) {
                jdbc.execute("DROP TABLE IF EXISTS " + shadow(table) + " CASCADE");
                jdbc.execute("CREATE TABLE " + shadow(table) + " (LIKE " + table
                        + " INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING IDENTITY INCLUDING STORAGE)");
            } else {
                jdbc.execute("DROP TABLE IF EXISTS " + shadow(table) + " CASCADE");
                for (String statement : h2Script(table)) {
                    if (statement.startsWith("CREATE") && statement.contains(" TABLE ")) {
                        jdbc.execute(renameTables(statement, tables));
                    }
                }
            }
        }
    }

    /** Gives every copy the constraints and indexes its live table has: once its rows are in, which is faster. */
    public void index(List<String> tables) {
        for (Definition d : definitions(tables)) {
            jdbc.execute(d.shadowDdl());
        }
    }

    /**
     * Puts each copy in its live table's place: the live table dropped, the copy renamed, then its indexes and
     * constraints, so that the names a migration may refer to are the same as before.
     */
    public void swap(List<String> tables) {
        List<Definition> definitions = definitions(tables);
        Runnable swap = () -> {
            for (String table : tables) {
                jdbc.execute("DROP TABLE " + table + " CASCADE");
                jdbc.execute("ALTER TABLE " + shadow(table) + " RENAME TO " + table);
            }
            for (Definition d : definitions) {
                String shadowName = quoted(d.name() + suffix());
                String live = quoted(d.name());
                if (d.index()) {
                    jdbc.execute("ALTER INDEX " + shadowName + " RENAME TO " + live);
                } else {
                    jdbc.execute("ALTER TABLE " + d.table() + " RENAME CONSTRAINT " + shadowName + " TO " + live);
                }
            }
        };
        if (postgres()) {
            tx.executeWithoutResult(status -> swap.run());
        } else {
            swap.run();
        }
    }

    /** Drops the copies (a rebuild given up). */
    public void drop(List<String> tables) {
        for (String table : tables) {
            jdbc.execute("DROP TABLE IF EXISTS " + shadow(table) + " CASCADE");
        }
    }

    /** The live tables' constraints and indexes, as their copies are to get them (read before the copies have any). */
    List<Definition> definitions(List<String> tables) {
        List<Definition> found = new ArrayList<>();
        for (String table : tables) {
            if (postgres()) {
                jdbc.query("""
                        SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
                        WHERE conrelid = ?::regclass AND contype IN ('p', 'u', 'c', 'f', 'x') ORDER BY contype DESC, conname""",
                        rs -> {
                            String name = rs.getString(1);
                            found.add(new Definition(table, false, name, "ALTER TABLE " + shadow(table)
                                    + " ADD CONSTRAINT " + quoted(name + SUFFIX) + " "
                                    + renameTables(rs.getString(2), tables)));
                        }, table);
                jdbc.query("""
                        SELECT i.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
                        WHERE x.indrelid = ?::regclass
                          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid AND c.conrelid = x.indrelid)
                        ORDER BY i.relname""", rs -> {
                    String name = rs.getString(1);
                    Matcher m = PG_INDEX.matcher(rs.getString(2));
                    if (!m.matches()) {
                        throw new IllegalStateException("Unexpected index definition: " + rs.getString(2));
                    }
                    found.add(new Definition(table, true, name, m.group(1) + quoted(name + SUFFIX) + m.group(3)
                            + shadowOf(m.group(4)) + m.group(5)));
                }, table);
            } else {
                for (String statement : h2Script(table)) {
                    Matcher m = H2_NAMED.matcher(statement);
                    if (!m.matches()) {
                        continue;
                    }
                    boolean index = m.group(1).startsWith("CREATE");
                    String ddl = renameTables(m.group(1), tables) + "\"" + m.group(2) + "\".\"" + m.group(3)
                            + suffix() + "\"" + renameTables(m.group(4), tables);
                    // checked against the copy's rows, which the live table's constraint never saw
                    found.add(new Definition(table, index, m.group(3), ddl.replaceAll(" NOCHECK$", "")));
                }
            }
        }
        return found;
    }

    /** H2's own statements for one table: CREATE TABLE, then its constraints and indexes. */
    private List<String> h2Script(String table) {
        return jdbc.query("SCRIPT NODATA NOPASSWORDS NOSETTINGS TABLE " + table, (rs, i) -> rs.getString(1)).stream()
                .filter(s -> !s.startsWith("--") && !s.startsWith("CREATE USER")).map(String::strip)
                .map(s -> s.endsWith(";") ? s.substring(0, s.length() - 1) : s).toList();
    }

    /** Every mention of one of {@code tables} in {@code sql} made a mention of its copy. */
    private String renameTables(String sql, List<String> tables) {
        String out = sql;
        for (String table : tables) {
            if (postgres()) {
                out = out.replaceAll("(?<![\\w\"])((?:public\\.)?)" + Pattern.quote(table) + "(?![\\w\"])",
                        "$1" + shadow(table));
            } else {
                String upper = table.toUpperCase(Locale.ROOT);
                out = out.replace("\".\"" + upper + "\"", "\".\"" + upper + suffix() + "\"");
            }
        }
        return out;
    }

    private static String shadowOf(String qualified) {
        return qualified + SUFFIX;
    }

    private String suffix() {
        return postgres() ? SUFFIX : SUFFIX.toUpperCase(Locale.ROOT);
    }

    private String quoted(String name) {
        return "\"" + name + "\"";
    }

    private volatile Boolean postgres;

    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            known = Boolean.TRUE.equals(jdbc.execute((Connection c) ->
                    c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")));
            postgres = known;
        }
        return known;
    }
}
