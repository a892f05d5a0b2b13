package dev.shingi.deliberation.query;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * H2's "outstanding" walks the interval trees, one index range per tree node (ADR 007). Which index H2 picks for a
 * range changes no answer, only the cost: through another index (say, the one listing a deliberation's comments) a
 * range becomes a scan of the deliberation's whole history, some 100× slower at 1M events, and every other test
 * still passes. So the plans are pinned here: every range statement "outstanding" sends is explained, on views with
 * several thousand rows and fresh statistics ({@link PlanFixture}), and must be answered from its own tree's index
 * for its side (V15), with the node among the index conditions.
 */
class IntervalTreePlanTest {
    private static final Pattern INDEX = Pattern.compile("/\\* PUBLIC\\.(\\w+): ([^*]*)\\*/");

    @Test
    void everyRangeIsAnsweredFromItsTreesIndexForItsSide() {
        JdbcDataSource dataSource = TemporalFoldProperties.migratedInMemory("plan");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        PlanFixture views = PlanFixture.fill(dataSource);
        List<PlanFixture.Sent> sent = PlanFixture.outstandingStatements(dataSource, views.lastPosition() / 2);

        List<PlanFixture.Sent> ranges = sent.stream().filter(s -> s.sql().contains("_node = ?")).toList();
        assertThat(ranges).as("one statement per node on each path, 2 tables × 2 trees").hasSizeGreaterThan(4 * 30);
        List<String> seen = new ArrayList<>();
        for (PlanFixture.Sent range : ranges) {
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
