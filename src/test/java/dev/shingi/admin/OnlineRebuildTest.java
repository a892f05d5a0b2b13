package dev.shingi.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shingi.ShingiApplication;
import dev.shingi.deliberation.api.Anchor;
import dev.shingi.deliberation.api.CommentKind;
import dev.shingi.deliberation.api.RaiseComment;
import dev.shingi.platform.Ledger;
import dev.shingi.platform.RecordingMetadata;
import dev.shingi.testing.HeldBulkReplay;
import dev.shingi.testing.Http;
import dev.shingi.testing.Nodes;
import dev.shingi.testing.TestDatabase;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild interrupts nobody: over real HTTP, on a ledger of 12,000+ events (seeded in-process, see {@link #seed}), the rebuild is started (and held
 * half-way for a while, {@link HeldBulkReplay}, so that the loop surely runs during it), and writes and reads go on in
 * a loop until it is done: no write is refused, and every read is a complete state — never fewer unanswered comments
 * than the ledger had acknowledged when the read began. Afterwards the copies are gone and the live tables have
 * every index they had before, under the same names. (That the copies hold exactly the rows the projections write,
 * built at any cut and caught up: BulkRebuildEquivalenceProperties.) H2, or PostgreSQL
 * with -Ppostgres.
 */
class OnlineRebuildTest {
    static final String D = "online";
    static final int SEEDED = 12_000;
    static final int SEED_BATCH = 500;

    @Test
    void writesAndReadsGoOnUnharmedWhileTheViewsAreRebuiltAndSwitched() throws Exception {
        Map<String, String> properties = new LinkedHashMap<>(TestDatabase.fresh("online_rebuild"));
        properties.putAll(Http.clerkProperties());
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.dev.shingi.admin", "INFO");
        try (ConfigurableApplicationContext node = new SpringApplicationBuilder(ShingiApplication.class,
                HeldBulkReplay.class).profiles(TestDatabase.profiles())
                .run(Nodes.arguments(properties, "server.port", "0", "shingi.demo.enabled", "false"))) {
            Http http = Nodes.http(node);
            long t0 = System.nanoTime();
            seed(http, node.getBean(Ledger.class), D, SEEDED);
            long t1 = System.nanoTime();
            Nodes.awaitCaughtUp(node);
            System.out.printf("OnlineRebuildTest: %,d comments seeded in %.1f s, the views caught up %.1f s later%n",
                    SEEDED, (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9);
            JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
            List<String> indexesBefore = indexes(jdbc);
            Rebuild rebuild = node.getBean(Rebuild.class);

            AtomicInteger acknowledged = new AtomicInteger(SEEDED);
            List<String> refused = new ArrayList<>();
            List<String> short_ = new ArrayList<>();
            int[] writes = {0};
            int[] reads = {0};
            HeldBulkReplay.arm();
            Http.Reply started = http.asAdmin().post("/api/admin/rebuild", "");
            assertThat(started.status()).as(started.raw()).isEqualTo(202);
            long total = started.body().get("eventsTotal").asLong();
            assertThat(total).isGreaterThanOrEqualTo(SEEDED);
            try {
                assertThat(HeldBulkReplay.awaitHeld()).as("the bulk replay began").isTrue();
                for (int i = 0; i < 20; i++) {
                    loop(http, acknowledged, refused, short_, writes, reads);
                }
                Http.Reply progress = http.asAdmin().get("/api/admin/rebuild");
                assertThat(progress.body().get("state").asText()).isEqualTo("RUNNING");
                assertThat(progress.body().get("phase").asText()).isEqualTo("BUILDING");
                assertThat(progress.body().get("eventsTotal").asLong()).isEqualTo(total);
            } finally {
                HeldBulkReplay.release();
            }
            long until = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (!"DONE".equals(rebuild.progress().state())) {
                assertThat(System.nanoTime()).as("the rebuild ends within 5 minutes: " + rebuild.progress())
                        .isLessThan(until);
                assertThat(rebuild.progress().state()).isEqualTo("RUNNING");
                loop(http, acknowledged, refused, short_, writes, reads);
            }
            for (int i = 0; i < 10; i++) {
                loop(http, acknowledged, refused, short_, writes, reads);
            }

            assertThat(refused).as("refused writes").isEmpty();
            assertThat(short_).as("reads that showed fewer unanswered comments than acknowledged").isEmpty();
            assertThat(writes[0]).as("writes during the rebuild").isGreaterThanOrEqualTo(30);
            assertThat(reads[0]).isEqualTo(writes[0]);
            Http.Reply done = http.asAdmin().get("/api/admin/rebuild");
            assertThat(done.body().get("state").asText()).isEqualTo("DONE");
            assertThat(done.body().get("eventsDone").asLong()).isEqualTo(total);
            assertThat(unanswered(http)).isEqualTo(acknowledged.get());
            assertThat(indexes(jdbc)).as("every index of the live tables, under its own name").isEqualTo(indexesBefore);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) "
                    + "LIKE '%\\_next' ESCAPE '\\' AND table_schema = CURRENT_SCHEMA", Integer.class))
                    .as("the copies are gone (this test's schema: on PostgreSQL others share the catalogue)").isZero();
            assertThat(jdbc.queryForObject("SELECT state FROM view_rebuild WHERE processing_group = 'views'",
                    String.class)).isEqualTo("DONE");
        }
    }

    /** One write (a question, unanswered), then one read of the deliberation's counts. */
    private static void loop(Http http, AtomicInteger acknowledged, List<String> refused, List<String> short_,
                             int[] writes, int[] reads) throws Exception {
        int n = writes[0]++;
        Http.Reply raised = http.post("/api/deliberations/" + D + "/comments", """
                {"commentId":"during-%d","authorId":"m1","draftVersion":1,"kind":"QUESTION","text":"During %d"}"""
                .formatted(n, n));
        if (raised.ok()) {
            acknowledged.incrementAndGet();
        } else {
            refused.add(raised.status() + " " + raised.raw());
        }
        int expected = acknowledged.get();
        reads[0]++;
        int shown = unanswered(http);
        if (shown < expected) {
            short_.add(shown + " < " + expected);
        }
    }

    private static int unanswered(Http http) throws Exception {
        Http.Reply r = http.get("/api/deliberations/" + D);
        if (r.status() != 200) {
            return -r.status();
        }
        JsonNode count = r.body().findValue("unansweredComments");
        return count.asInt();
    }

    /**
     * The deliberation, its clerk and member m1 and draft v1 over HTTP; then {@code comments} unanswered questions
     * (seed-0, seed-1, …) in-process, in batches of {@value #SEED_BATCH} ({@link Ledger#batch}: one transaction and
     * one file write each), through the same command handlers and projections as a POST goes (seeding them over
     * HTTP took ~10 minutes on CI).
     */
    static void seed(Http http, Ledger ledger, String d, int comments) throws Exception {
        Http admin = http.asAdmin();
        ok(admin.post("/api/deliberations", """
                {"deliberationId":"%s","title":"Online rebuild","body":"Reads and writes throughout"}""".formatted(d)));
        ok(admin.post("/api/deliberations/" + d + "/participants", """
                {"participantId":"clerk","name":"Clerk","role":"SECRETARIAT"}"""));
        ok(admin.post("/api/deliberations/" + d + "/participants", """
                {"participantId":"m1","name":"Member 1","role":"MEMBER"}"""));
        ok(http.post("/api/deliberations/" + d + "/drafts", """
                {"version":1,"title":"Draft v1","pageCount":100}"""));
        MetaData meta = RecordingMetadata.of(Http.CLERK, null, null);
        Instant at = Instant.now();
        for (int from = 0; from < comments; from += SEED_BATCH) {
            int first = from;
            ledger.batch(() -> {
                for (int i = first; i < Math.min(comments, first + SEED_BATCH); i++) {
                    ledger.record(new RaiseComment("seed-" + i, d, "m1", 1, Anchor.NONE, CommentKind.QUESTION,
                            "Seeded " + i, null, at), meta);
                }
                return null;
            });
        }
    }

    private static void ok(Http.Reply r) {
        assertThat(r.status()).as(r.raw()).isBetween(200, 299);
    }

    /** The indexes of the views' tables, by table and name (H2's and PostgreSQL's catalogs). */
    static List<String> indexes(JdbcTemplate jdbc) {
        boolean postgres = TestDatabase.postgres();
        return jdbc.queryForList(postgres
                ? "SELECT tablename || ' ' || indexname FROM pg_indexes WHERE schemaname = 'public' AND (tablename LIKE "
                + "'%\\_v' OR tablename = 'ledger_clock') ORDER BY 1"
                : "SELECT LOWER(table_name) || ' ' || LOWER(index_name) FROM information_schema.indexes WHERE "
                + "table_schema = 'PUBLIC' AND (table_name LIKE '%\\_V' ESCAPE '\\' OR table_name = 'LEDGER_CLOCK') "
                + "AND index_name NOT LIKE 'PRIMARY\\_KEY%' ESCAPE '\\' AND index_name NOT LIKE 'CONSTRAINT\\_INDEX%' "
                + "ESCAPE '\\' ORDER BY 1", String.class);
    }
}
