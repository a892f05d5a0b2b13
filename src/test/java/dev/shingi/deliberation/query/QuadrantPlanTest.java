package dev.shingi.deliberation.query;

import dev.shingi.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.ResultSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL's "outstanding" probes two partial GiST indexes per table (V14, ADR 007), on expressions: if a probe's
 * expression or conditions stopped matching its index's, PostgreSQL would answer it by reading every row of the
 * table, and no answer would change. So each probe "outstanding" sends is explained, with sequential scans
 * discouraged (a table of a few thousand rows is cheaper to read whole), and must be answered from its index.
 */
@Tag("postgres")
@EnabledIfSystemProperty(named = "shingi.test.database", matches = "postgres")
class QuadrantPlanTest {

    @Test
    void everyProbeIsAnsweredFromItsGistIndex() {
        String schema = TestDatabase.fresh("quadrant_plan").get("spring.flyway.schemas");
        String url = System.getenv("SHINGI_DB_URL");
        // one connection for all of it: the fixture's thousands of inserts would each open one otherwise
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
                url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, TestDatabase.ownerUser(),
                TestDatabase.ownerPassword(), true);
        Flyway.configure().dataSource(dataSource).schemas(schema)
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
        PlanFixture views = PlanFixture.fill(dataSource);
        List<PlanFixture.Sent> probes = PlanFixture.outstandingStatements(dataSource, views.lastPosition() / 2)
                .stream().filter(s -> s.sql().contains("<@ box")).toList();

        assertThat(probes).as("two probes per table").hasSize(4);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (PlanFixture.Sent probe : probes) {
            String table = probe.sql().contains("FROM commitment_v") ? "commitment_v" : "comment_v";
            String clock = probe.sql().contains("point(valid_from") ? "valid" : "known";
            String plan = jdbc.execute((ConnectionCallback<String>) c -> {
                try (Statement set = c.createStatement()) {
                    set.execute("SET enable_seqscan = off");
                }
                try (PreparedStatement explain = c.prepareStatement("EXPLAIN " + probe.sql())) {
                    for (int i = 0; i < probe.args().length; i++) {
                        explain.setObject(i + 1, probe.args()[i]);
                    }
                    StringBuilder text = new StringBuilder();
                    try (ResultSet rs = explain.executeQuery()) {
                        while (rs.next()) {
                            text.append(rs.getString(1)).append('\n');
                        }
                    }
                    return text.toString();
                } finally {
                    try (Statement reset = c.createStatement()) {
                        reset.execute("RESET enable_seqscan");
                    }
                }
            });
            assertThat(plan).as("the plan of %s", probe.sql()).contains("ix_" + table + "_open_" + clock)
                    .doesNotContain("Seq Scan");
        }
        dataSource.destroy();
    }
}
