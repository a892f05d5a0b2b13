package dev.shingi.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shingi.ShingiApplication;
import dev.shingi.platform.Ledger;
import dev.shingi.testing.AppProcess;
import dev.shingi.testing.Http;
import dev.shingi.testing.Nodes;
import dev.shingi.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node killed (SIGKILL, {@link AppProcess}) while a rebuild fills the views' copies: on an H2 file (or PostgreSQL
 * with -Ppostgres), a ledger of {@value #SEEDED} comments (seeded in-process, then the node started as a process of
 * its own), a rebuild started over HTTP with a member writing throughout, the node killed once the copies hold some
 * of the events and before they are switched in. When it comes back: the views answer as before the kill (the
 * seeded comments and every acknowledged write), {@code GET /api/admin/rebuild} names the rebuild that was cut short
 * (phase, total, when it began) and shows the one begun again at start-up, which completes and switches the copies
 * in; afterwards no copy is left, {@code view_rebuild} says DONE and no acknowledged write is lost.
 */
class RebuildKilledTest {
    static final String D = "killed";
    static final int SEEDED = 12_000;

    final Map<String, String> properties = new LinkedHashMap<>(TestDatabase.fresh("rebuild_killed"));
    final Path logs = Path.of("target", "rebuild-killed");
    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    /** Sent when the node was killed, never answered: each may or may not be stored. */
    final Set<String> unanswered = ConcurrentHashMap.newKeySet();
    final List<String> refused = new ArrayList<>();

    RebuildKilledTest() {
        properties.put("shingi.demo.enabled", "false");
        properties.putAll(Http.clerkProperties());
        // the restarted node has a new id: let it take the dead node's segments over quickly
        properties.put("axon.eventhandling.tokenstore.claim-timeout", "2s");
        properties.put("shingi.processing.token-claim-interval", "500ms");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.dev.shingi.admin", "INFO");
    }

    @Test
    void aNodeKilledWhileTheCopiesFillServesTheOldViewsWhenBackAndFinishesTheRebuild() throws Exception {
        try (ConfigurableApplicationContext seeding = new SpringApplicationBuilder(ShingiApplication.class)
                .profiles(TestDatabase.profiles()).run(Nodes.arguments(properties, "server.port", "0"))) {
            long t0 = System.nanoTime();
            OnlineRebuildTest.seed(Nodes.http(seeding), seeding.getBean(Ledger.class), D, SEEDED);
            long t1 = System.nanoTime();
            Nodes.awaitCaughtUp(seeding);
            System.out.printf("RebuildKilledTest: %,d comments seeded in %.1f s, the views caught up %.1f s later%n",
                    SEEDED, (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9);
        }
        List<String> jvm = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-Xshare:auto");
        AppProcess app = AppProcess.start(properties, jvm, logs.resolve("run-0.log"), Duration.ofSeconds(180));
        JsonNode killedRun;
        long lastDone;
        int shownAtEnd;
        try {
            Http http = app.http();
            assertThat(unanswered(http)).isEqualTo(SEEDED);

            Http.Reply started = http.asAdmin().post("/api/admin/rebuild", "");
            assertThat(started.status()).as(started.raw()).isEqualTo(202);
            killedRun = started.body();
            long total = killedRun.get("eventsTotal").asLong();
            assertThat(total).isEqualTo(SEEDED + 4); // the deliberation, its two participants and its draft

            AtomicBoolean writing = new AtomicBoolean(true);
            Http writer = app.http();
            Thread member = new Thread(() -> write(writer, "before-kill", writing), "member");
            member.start();
            // kill once the copies hold some of the events and the member's writes are being acknowledged, and
            // before the switch (on PostgreSQL a fifth of the copies can be in before the first write's answer)
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            JsonNode p;
            do {
                assertThat(System.nanoTime()).as("the copies began to fill within 3 minutes").isLessThan(deadline);
                p = http.asAdmin().get("/api/admin/rebuild").body();
            } while (!("BUILDING".equals(p.get("phase").asText()) && p.get("eventsDone").asLong() >= total / 5
                    && !acknowledged.isEmpty()));
            app.kill();
            lastDone = p.get("eventsDone").asLong();
            System.out.printf("RebuildKilledTest: killed %s after the rebuild began, at %d of %d events%n",
                    Duration.between(java.time.Instant.parse(killedRun.get("startedAt").asText()),
                            java.time.Instant.now()), lastDone, total);
            writing.set(false);
            member.join(60_000);
            assertThat(lastDone).as("killed half-way through the copies").isLessThan(total);
        } finally {
            app.close();
        }
        assertThat(refused).as("writes refused before the kill").isEmpty();
        assertThat(acknowledged).as("writes acknowledged during the rebuild, before the kill").isNotEmpty();

        app = AppProcess.start(properties, jvm, logs.resolve("run-1.log"), Duration.ofSeconds(180));
        try {
            Http http = app.http();
            // the views as they were: every seeded comment and every acknowledged write (and perhaps the one the
            // kill left without an answer)
            assertThat(unanswered(http)).as("unanswered comments right after the restart")
                    .isBetween(SEEDED + acknowledged.size(), SEEDED + acknowledged.size() + unanswered.size());
            JsonNode resumed = http.asAdmin().get("/api/admin/rebuild").body();
            JsonNode cut = resumed.get("interrupted");
            assertThat(cut.size()).as(resumed.toString()).isEqualTo(1);
            assertThat(cut.get(0).get("processingGroup").asText()).isEqualTo("views");
            assertThat(cut.get(0).get("phase").asText()).isEqualTo("BUILDING");
            assertThat(cut.get(0).get("eventsTotal").asLong()).isEqualTo(killedRun.get("eventsTotal").asLong());
            assertThat(cut.get(0).get("startedAt").asText()).isEqualTo(killedRun.get("startedAt").asText());
            assertThat(cut.get(0).get("eventsDone").asLong()).as("as last recorded, at most what was seen")
                    .isBetween(0L, lastDone);
            assertThat(resumed.get("startedAt").asText()).as("a rebuild begun again at start-up")
                    .isNotEqualTo(killedRun.get("startedAt").asText());
            assertThat(resumed.get("eventsTotal").asLong()).as("the log's head at the restart")
                    .isGreaterThanOrEqualTo(killedRun.get("eventsTotal").asLong() + acknowledged.size());
            int beforeKill = acknowledged.size();

            AtomicBoolean writing = new AtomicBoolean(true);
            Http writer = app.http();
            Thread member = new Thread(() -> write(writer, "after-restart", writing), "member");
            member.start();
            JsonNode p = resumed;
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            try {
                while ("RUNNING".equals(p.get("state").asText())) {
                    assertThat(System.nanoTime()).as("the resumed rebuild ends within 5 minutes: " + p)
                            .isLessThan(deadline);
                    int expected = SEEDED + acknowledged.size();
                    assertThat(unanswered(http)).as("a complete read during the resumed rebuild")
                            .isGreaterThanOrEqualTo(expected);
                    p = http.asAdmin().get("/api/admin/rebuild").body();
                }
            } finally {
                writing.set(false);
                member.join(60_000);
            }
            assertThat(p.get("state").asText()).as(p.toString()).isEqualTo("DONE");
            assertThat(p.get("eventsDone").asLong()).isEqualTo(p.get("eventsTotal").asLong());
            assertThat(p.get("interrupted").size()).as("still told once done").isEqualTo(1);
            assertThat(refused).as("refused writes").isEmpty();
            assertThat(acknowledged.size()).as("writes acknowledged during the resumed rebuild").isGreaterThan(beforeKill);
            shownAtEnd = unanswered(http);
        } finally {
            app.stop();
        }

        try (ConfigurableApplicationContext node = new SpringApplicationBuilder(ShingiApplication.class)
                .web(WebApplicationType.NONE).profiles(TestDatabase.profiles()).run(Nodes.arguments(properties))) {
            JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
            List<String> raised = jdbc.queryForList("SELECT aggregateIdentifier FROM DomainEventEntry WHERE payloadType = ?"
                    + " AND aggregateIdentifier NOT LIKE 'seed-%'", String.class, "dev.shingi.deliberation.api.CommentRaised");
            assertThat(raised).as("every acknowledged write in the log").containsAll(acknowledged);
            List<String> more = new ArrayList<>(raised);
            more.removeAll(acknowledged);
            assertThat(unanswered).as("the log's other writes: sent when the node was killed").containsAll(more);
            assertThat(shownAtEnd).as("unanswered comments in the views once rebuilt: every one in the log")
                    .isEqualTo(SEEDED + raised.size());
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) "
                    + "LIKE '%\\_next' ESCAPE '\\' AND table_schema = current_schema", Integer.class)).as("no copy left").isZero();
            assertThat(jdbc.queryForList("SELECT state FROM view_rebuild", String.class)).containsExactly("DONE");
            System.out.printf("RebuildKilledTest on %s: killed at %d of %d events; %d writes acknowledged%n",
                    TestDatabase.name(), lastDone, killedRun.get("eventsTotal").asLong(), acknowledged.size());
        }
    }

    /** A member raising questions one after another until told to stop or the node is gone. */
    private void write(Http http, String prefix, AtomicBoolean writing) {
        for (int n = 0; writing.get(); n++) {
            String id = prefix + "-" + n;
            try {
                Http.Reply r = http.post("/api/deliberations/" + D + "/comments", """
                        {"commentId":"%s","authorId":"m1","draftVersion":1,"kind":"QUESTION","text":"Asked %s"}"""
                        .formatted(id, id));
                if (r.ok()) {
                    acknowledged.add(id);
                } else {
                    synchronized (refused) {
                        refused.add(r.status() + " " + r.raw());
                    }
                }
            } catch (IOException killed) {
                unanswered.add(id); // neither acknowledged nor refused
                return;
            }
        }
    }

    private static int unanswered(Http http) throws IOException {
        Http.Reply r = http.get("/api/deliberations/" + D);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body().findValue("unansweredComments").asInt();
    }
}
