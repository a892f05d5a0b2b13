package dev.shingi.deliberation.query;

import dev.shingi.deliberation.api.AsOf;
import dev.shingi.deliberation.api.FindOutstanding;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Views for the plan tests of "outstanding" ({@link IntervalTreePlanTest} on H2, {@link QuadrantPlanTest} on
 * PostgreSQL): 2,000 comments in each of two deliberations over ten years, filed as the projection files them, and
 * the statements "outstanding" sends for an instant in the middle of that history.
 */
final class PlanFixture {
    static final String D = "plan";
    static final long YEAR = 365L * 24 * 3600 * 1000;
    static final long START = Instant.parse("2015-01-01T00:00:00Z").toEpochMilli();

    record Sent(String sql, Object[] args) {
    }

    private final JdbcTemplate jdbc;
    /** The last log position filled in. */
    private long positions;

    private PlanFixture(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Fills the views of a freshly migrated schema; returns the fixture to ask with. */
    static PlanFixture fill(DataSource dataSource) {
        PlanFixture fixture = new PlanFixture(new JdbcTemplate(dataSource));
        fixture.jdbc.update("INSERT INTO deliberation_v (deliberation_id, title, occurred_at, position, recorded_at) "
                + "VALUES (?, 'Plan', ?, 1, ?)", D, START, START);
        SplittableRandom random = new SplittableRandom(20261127L);
        for (String deliberation : List.of(D, "another")) {
            for (int number = 1; number <= 2_000; number++) {
                fixture.history(deliberation, number, random);
            }
        }
        fixture.jdbc.execute("ANALYZE");
        return fixture;
    }

    /** The statements one FindOutstanding sends, with their arguments, as of the middle of the history. */
    static List<Sent> outstandingStatements(DataSource dataSource, long position) {
        List<Sent> sent = new ArrayList<>();
        JdbcTemplate recording = new JdbcTemplate(dataSource) {
            @Override
            public <T> List<T> query(String sql, RowMapper<T> rowMapper, Object... args) {
                sent.add(new Sent(sql, args));
                return super.query(sql, rowMapper, args);
            }
        };
        OutstandingQueries queries = new OutstandingQueries(recording, new DataSourceTransactionManager(dataSource),
                new ViewRows(recording));
        long at = START + 5 * YEAR + 12_345;
        queries.handle(new FindOutstanding(D, new AsOf(Instant.ofEpochMilli(at), position)));
        return sent;
    }

    long lastPosition() {
        return positions;
    }

    /**
     * One comment's rows over ten years, as the projection files them: raised, perhaps answered days later, perhaps
     * with a commitment kept open for months; the answer recorded late, so that the versions superseded in the
     * ledger's knowledge are there too.
     */
    private void history(String deliberation, int number, SplittableRandom random) {
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

    private void comment(String deliberation, String comment, int number, String status, boolean needsResponse,
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

    private void commitment(String deliberation, String comment, int number, String status, long validFrom,
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

}
