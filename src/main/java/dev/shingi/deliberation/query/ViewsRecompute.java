package dev.shingi.deliberation.query;

import dev.shingi.deliberation.api.ViewCheck;
import dev.shingi.platform.BulkReplay;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Clob;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The views checked against the log: every row the bulk rebuild would write for the events stored now
 * ({@link ViewsBulkRebuild#rows}, collected in memory instead of written) compared with the rows the tables hold.
 * A row edited in place shows as {@code DIFFERS} with the columns that differ; one deleted as {@code MISSING}; one
 * added as {@code UNEXPECTED}. Meant for a quiet ledger (or a stopped one, {@code --verify-views}): a write that
 * commits during the check makes its rows disagree. Memory: every view row of the ledger at once.
 */
@Component
class ViewsRecompute implements ViewCheck {
    /** The columns that name a row of a table; others are its values. */
    private static final List<String> KEY_COLUMNS = List.of("row_key", "valid_from", "known_from");

    private final JdbcTemplate jdbc;
    /**
     * Found when a check runs, not when this is made: a test may stand a wrapper of its own in for the bulk rebuild
     * (dev.shingi.testing.HeldBulkReplay), and a context that never checks its views must still start.
     */
    private final ObjectProvider<ViewsBulkRebuild> rebuild;

    ViewsRecompute(JdbcTemplate jdbc, ObjectProvider<ViewsBulkRebuild> rebuild) {
        this.jdbc = jdbc;
        this.rebuild = rebuild;
    }

    @Override
    public List<Disagreement> check() {
        Long max = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
        long head = max == null ? 0 : max;
        Map<String, Set<String>> columns = new LinkedHashMap<>();
        Map<String, List<Map<String, String>>> expected = new HashMap<>();
        BulkRows collector = new BulkRows((sql, rows) -> {
            String table = BulkRows.table(sql).toLowerCase(Locale.ROOT);
            String list = sql.substring(sql.indexOf('(') + 1, sql.indexOf(')'));
            List<String> names = new ArrayList<>();
            for (String c : list.split(",")) {
                names.add(c.trim().toLowerCase(Locale.ROOT));
            }
            columns.computeIfAbsent(table, t -> new LinkedHashSet<>()).addAll(names);
            String rest = sql.substring(sql.indexOf(')') + 1);
            String[] given = rest.substring(rest.indexOf('(') + 1, rest.lastIndexOf(')')).split(",");
            for (Object[] row : rows) {
                Map<String, String> values = new TreeMap<>();
                int arg = 0;
                for (int i = 0; i < names.size(); i++) {
                    String v = given[i].trim();
                    values.put(names.get(i), v.equals("?") ? text(row[arg++]) : v.equalsIgnoreCase("NULL") ? "null" : v);
                }
                expected.computeIfAbsent(table, t -> new ArrayList<>()).add(values);
            }
        });
        if (head > 0) {
            rebuild.getObject().rows(head, p -> p >= 1 && p <= head, new BulkReplay.Progress(), collector);
        }
        List<Disagreement> found = new ArrayList<>();
        for (String table : ViewsConfig.TABLES) {
            compare(table, columns.get(table), expected.getOrDefault(table, List.of()), found);
        }
        return found;
    }

    private void compare(String table, Set<String> known, List<Map<String, String>> expected, List<Disagreement> found) {
        List<Map<String, String>> actual = new ArrayList<>();
        Set<String> names = known == null ? new LinkedHashSet<>() : known;
        jdbc.query("SELECT * FROM " + table, (java.sql.ResultSet rs) -> {
            ResultSetMetaData m = rs.getMetaData();
            Map<String, String> values = new TreeMap<>();
            for (int i = 1; i <= m.getColumnCount(); i++) {
                String name = m.getColumnLabel(i).toLowerCase(Locale.ROOT);
                if (known == null) {
                    names.add(name);
                }
                if (names.contains(name)) {
                    values.put(name, text(rs.getObject(i)));
                }
            }
            actual.add(values);
        });
        Map<Map<String, String>, Integer> left = new HashMap<>();
        expected.forEach(r -> left.merge(r, 1, Integer::sum));
        List<Map<String, String>> unexpected = new ArrayList<>();
        for (Map<String, String> r : actual) {
            Integer n = left.get(r);
            if (n == null) {
                unexpected.add(r);
            } else if (n == 1) {
                left.remove(r);
            } else {
                left.put(r, n - 1);
            }
        }
        Map<String, Map<String, String>> missing = new LinkedHashMap<>();
        left.forEach((r, n) -> missing.put(key(r), r));
        for (Map<String, String> r : unexpected) {
            Map<String, String> should = missing.remove(key(r));
            if (should == null) {
                found.add(new Disagreement(table, key(r), "UNEXPECTED", "the log gives no such row: " + r));
                continue;
            }
            List<String> differs = new ArrayList<>();
            should.forEach((column, value) -> {
                if (!value.equals(r.get(column))) {
                    differs.add(column + ": the log gives " + value + ", the view holds " + r.get(column));
                }
            });
            found.add(new Disagreement(table, key(r), "DIFFERS", String.join("; ", differs)));
        }
        missing.forEach((k, r) -> found.add(new Disagreement(table, k, "MISSING", "the log gives the row " + r)));
    }

    private static String key(Map<String, String> row) {
        List<String> parts = new ArrayList<>();
        for (String c : KEY_COLUMNS) {
            if (row.containsKey(c)) {
                parts.add(row.get(c));
            }
        }
        if (parts.isEmpty()) {
            return row.values().iterator().hasNext() ? row.values().iterator().next() : "";
        }
        return String.join(" ", parts);
    }

    /** A value as text, the same whether it came from the rebuild's arguments or from a column. */
    private static String text(Object value) {
        try {
            if (value == null) {
                return "null";
            }
            if (value instanceof Number n) {
                return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
            }
            if (value instanceof byte[] b) {
                return HexFormat.of().formatHex(b);
            }
            if (value instanceof Clob c) {
                return c.getSubString(1, (int) c.length());
            }
            return value.toString();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
