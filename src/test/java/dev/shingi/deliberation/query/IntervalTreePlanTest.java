package dev.shingi.deliberation.query;

import dev.shingi.deliberation.api.AsOf;
import dev.shingi.deliberation.api.FindOutstanding;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * H2's "outstanding" walks the interval trees, one index range per tree node (ADR 007). Which index H2 picks for a
 * range changes no answer, only the cost: through another index (say, the one listing a deliberation's comments) a
 * range becomes a scan of the deliberation's whole history, some 100× slower at 1M events, and every other test
 * still passes. So the plans are pinned here: every range statement "outstanding" sends is explained, on views with
 * several thousand rows and fresh statistics, and must be answered from its own tree's index for its side (V15),
 * with the node among the index conditions.
 */
class IntervalTreePlanTest {
    private static final String D = "plan";
    private static final long YEAR = 365L * 24 * 3600 * 1000;
    private static final long START = Instant.parse("2015-01-01T00:00:00Z").toEpochMilli();
    private static final Pattern INDEX = Pattern.compile("/\\* PUBLIC\\.(\\w+): ([^*]*)\\*/");

    record Sent(String sql, Object[] args) {
    }

    static JdbcDataSource dataSource;
    static JdbcTemplate jdbc;
    /** The last log position filled in. */
    static long positions;

    @BeforeAll
    static void views() {
        dataSource = TemporalFoldProperties.migratedInMemory("plan");
        jdbc = new JdbcTemplate(dataSource);
        jdbc.update("INSERT INTO deliberation_v (deliberation_id, title, occurred_at, position, recorded_at) "
                + "VALUES (?, 'Plan', ?, 1, ?)", D, START, START);
        SplittableRandom random = new SplittableRandom(20261127L);
        for (String deliberation : List.of(D, "another")) {
            for (int number = 1; number <= 2_000; number++) {
                fill(deliberation, number, random);
            }
        }
        jdbc.execute("ANALYZE");
    }

    /**
     * One comment's rows over ten years, as the projection files them: raised, perhaps answered days later, perhaps
     * with a commitment kept open for months; the answer recorded late, so that the versions superseded in the
     * ledger's knowledge are there too.
     */
    private static void fill(String deliberation, int number, SplittableRandom random) {
        String comment = deliberation + "#" + number;
        long raised = START + random.nextLong(10 * YEAR);
        long answered = raised + random.nextLong(30L * 24 * 3600 * 1000);
        long p1 = ++positions;
        long p2 = random.nextInt(4) == 0 ? Temporal.FOREVER : (positions += 1 + random.nextInt(50));
        boolean needsResponse = random.nextInt(10) > 0;
        // open until further notice, as known from p1 (until the answer is known at p2)
        comment(deliberation, comment, number, "OPEN", needsResponse, raised, Temporal.FOREVER, p1, p2);
        if (p2 != Temporal.FOREVER) {
            comment(deliberation, comment, number, "OPEN", needsResponse, raised, answered, p2, Temporal.FOREVER);
            comment(deliberation, comment, number, "ANSWERED", needsResponse, answered, Temporal.FOREVER, p2,
                    Temporal.FOREVER);
            long due = answered + random.nextLong(YEAR);
            commitment(deliberation, comment, number, "OPEN", answered, due, p2);
            commitment(deliberation, comment, number, "FULFILLED", due, Temporal.FOREVER, p2);
        }
    }

    private static void comment(String deliberation, String comment, int number, String status, boolean needsResponse,
                                long validFrom, long validTo, long knownFrom, long knownTo) {
        jdbc.update("""
                        INSERT INTO comment_v (row_key, deliberation_id, number, reference, author_id, draft_version, kind,
                            text, status, needs_response, occurred_at, recorded_at, valid_from, valid_to, known_from,
                            known_to, ri_node, kn_node)
                        VALUES (?, ?, ?, ?, 'member', 1, 'QUESTION', 'Why?', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                comment, deliberation, number, "#" + number, status, needsResponse, validFrom, validFrom, validFrom,
                validTo, knownFrom, knownTo, Temporal.validNode(validFrom, validTo),
                Temporal.knowledgeNode(validTo, knownFrom, knownTo));
    }

    private static void commitment(String deliberation, String comment, int number, String status, long validFrom,
                                   long validTo, long knownFrom) {
        jdbc.update("""
                        INSERT INTO commitment_v (row_key, comment_id, deliberation_id, response_id, reference, kind,
                            description, owner_id, status, occurred_at, recorded_at, valid_from, valid_to, known_from,
                            known_to, ri_node, kn_node)
                        VALUES (?, ?, ?, 'r1', ?, 'REVISE_DRAFT', 'Reword it.', 'secretariat', ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                comment + ".1", comment, deliberation, "#" + number + ".1", status, validFrom, validFrom, validFrom,
                validTo, knownFrom, Temporal.FOREVER, Temporal.validNode(validFrom, validTo),
                Temporal.knowledgeNode(validTo, knownFrom, Temporal.FOREVER));
    }

    @Test
    void everyRangeIsAnsweredFromItsTreesIndexForItsSide() {
        List<Sent> sent = new ArrayList<>();
        JdbcTemplate recording = new JdbcTemplate(dataSource) {
            @Override
            public <T> List<T> query(String sql, RowMapper<T> rowMapper, Object... args) {
                sent.add(new Sent(sql, args));
                return super.query(sql, rowMapper, args);
            }
        };
        DeliberationQueries queries = new DeliberationQueries(recording, new DataSourceTransactionManager(dataSource));
        // an instant and a knowledge in the middle of the history: both sides of the paths are met
        long at = START + 5 * YEAR + 12_345;
        queries.handle(new FindOutstanding(D, new AsOf(Instant.ofEpochMilli(at), positions / 2)));

        List<Sent> ranges = sent.stream().filter(s -> s.sql().contains("_node = ?")).toList();
        assertThat(ranges).as("one statement per node on each path, 2 tables × 2 trees").hasSizeGreaterThan(4 * 30);
        List<String> seen = new ArrayList<>();
        for (Sent range : ranges) {
            String table = range.sql().contains("FROM commitment_v") ? "COMMITMENT_V" : "COMMENT_V";
            boolean occurred = range.sql().contains("ri_node = ?");
            String clock = occurred ? "valid" : "known";
            String side = range.sql().endsWith(clock + "_from <= ?") ? "_FROM"
                    : range.sql().endsWith(clock + "_to > ?") ? "_TO" : "_(FROM|TO)";
            String expected = "IX_" + table + (occurred ? "_RI" : "_KN") + side;

            String plan = jdbc.queryForObject("EXPLAIN " + range.sql(), String.class, range.args());
            Matcher index = INDEX.matcher(plan);
            assertThat(index.find()).as("an index in the plan of %s:%n%s", range.sql(), plan).isTrue();
            assertThat(index.group(1)).as("the index for %s", range.sql()).matches(expected);
            assertThat(index.group(2)).as("the node is an index condition: %s", plan)
                    .contains((occurred ? "RI_NODE" : "KN_NODE") + " = ");
            seen.add(index.group(1));
        }
        assertThat(seen).as("every tree's index on both sides").contains("IX_COMMENT_V_RI_FROM", "IX_COMMENT_V_RI_TO",
                "IX_COMMENT_V_KN_FROM", "IX_COMMENT_V_KN_TO", "IX_COMMITMENT_V_RI_FROM", "IX_COMMITMENT_V_RI_TO",
                "IX_COMMITMENT_V_KN_FROM", "IX_COMMITMENT_V_KN_TO");
    }
}
