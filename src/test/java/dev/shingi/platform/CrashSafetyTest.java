package dev.shingi.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shingi.ShingiApplication;
import dev.shingi.testing.AppProcess;
import dev.shingi.testing.Http;
import dev.shingi.testing.Nodes;
import dev.shingi.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Five times, Shingi (a JVM of its own) is killed with SIGKILL in the middle of sustained ingest by four clients
 * raising comments, responding with commitments and committing revisions, and started again. Then, on the same
 * database (an H2 file, or PostgreSQL with {@code -Ppostgres}):
 * <ul>
 *   <li>every command that was answered 2xx is in the log;</li>
 *   <li>no command is half-applied: a response has exactly the CommitmentMade events it asked for, a revision's
 *       RevisionCommitted comes with a CommitmentFulfilled for each commitment it names (and the other way round),
 *       and every aggregate's events are numbered 0..n without a hole;</li>
 *   <li>every read model equals a fresh rebuild from the log.</li>
 * </ul>
 */
class CrashSafetyTest {
    static final String D = "crash";
    static final int KILLS = 5;
    static final int CLIENTS = 4;
    static final ObjectMapper JSON = new ObjectMapper();

    final Map<String, String> store = TestDatabase.fresh("crash");
    final Map<String, String> properties = new LinkedHashMap<>(store);
    final Path logs = Path.of("target", "crash-safety");

    /** What clients were told was stored (2xx). */
    final Set<String> ackedComments = ConcurrentHashMap.newKeySet();
    final Map<String, Integer> ackedResponses = new ConcurrentHashMap<>();
    final Map<Integer, List<String>> ackedRevisions = new ConcurrentHashMap<>();
    /** Work for the clients: comments to answer, commitments a revision may keep. */
    final ConcurrentLinkedQueue<String> toAnswer = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> toFulfil = new ConcurrentLinkedQueue<>();
    final AtomicInteger nextVersion = new AtomicInteger(2);
    final AtomicInteger unanswered = new AtomicInteger();
    final AtomicInteger serverErrors = new AtomicInteger();
    final List<String> serverErrorSamples = new ArrayList<>();

    CrashSafetyTest() {
        properties.put("shingi.demo.enabled", "false");
        properties.putAll(Http.clerkProperties());
        // the restarted node has a new id: let it take the dead node's segments over quickly
        properties.put("axon.eventhandling.tokenstore.claim-timeout", "2s");
        properties.put("shingi.processing.token-claim-interval", "500ms");
        properties.put("logging.level.root", "WARN");
    }

    @Test
    void killedFiveTimesDuringIngestTheLedgerKeepsEveryAnsweredCommandWholeAndItsViewsRebuildTheSame() throws Exception {
        long started = System.nanoTime();
        List<String> jvm = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-Xshare:auto");
        AppProcess app = AppProcess.start(properties, jvm, logs.resolve("run-0.log"), Duration.ofSeconds(120));
        setUp(app.http());
        for (int kill = 1; kill <= KILLS; kill++) {
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                Http http = app.http();
                Thread t = new Thread(() -> ingest(client, http, running), "client-" + c);
                t.start();
                clients.add(t);
            }
            // kill in the middle of ingest: once this round has had some commands answered, at a random moment
            int before = ackedComments.size() + ackedResponses.size();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (ackedComments.size() + ackedResponses.size() < before + 5 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(ThreadLocalRandom.current().nextLong(200, 1_500));
            app.kill();
            running.set(false);
            for (Thread t : clients) {
                t.join(60_000);
            }
            app = AppProcess.start(properties, jvm, logs.resolve("run-" + kill + ".log"), Duration.ofSeconds(120));
        }
        app.stop();
        System.out.printf("CrashSafetyTest on %s: %d kills, %d comments, %d responses, %d revisions acknowledged; "
                        + "%d requests without an answer; %.1f s of ingest and restarts%n",
                TestDatabase.name(), KILLS, ackedComments.size(), ackedResponses.size(), ackedRevisions.size(),
                unanswered.get(), (System.nanoTime() - started) / 1e9);

        assertThat(serverErrors.get()).as("5xx answers: %s", serverErrorSamples).isZero();
        assertThat(ackedComments.size() + ackedResponses.size()).as("commands answered between kills")
                .isGreaterThanOrEqualTo(5 * KILLS);

        ConfigurableApplicationContext node = new SpringApplicationBuilder(ShingiApplication.class)
                .profiles(TestDatabase.profiles())
                .run(Nodes.arguments(properties, "server.port", "0"));
        try {
            Nodes.await("the last killed node's claims to expire", Duration.ofSeconds(60), () -> Nodes.holdsEverySegment(node));
            Nodes.awaitCaughtUp(node);
            checkTheLog(node.getBean(JdbcTemplate.class));

            Http http = Nodes.http(node);
            Map<String, JsonNode> before = Nodes.readModels(http, D);
            assertThat(before.get("comments").size()).as("comments in the view").isEqualTo(
                    node.getBean(JdbcTemplate.class).queryForObject(
                            "SELECT COUNT(*) FROM DomainEventEntry WHERE payloadType = ?", Integer.class,
                            "dev.shingi.deliberation.api.CommentRaised"));
            Nodes.rebuild(node, Duration.ofSeconds(60));
            Map<String, JsonNode> rebuilt = Nodes.readModels(http, D);
            for (String view : before.keySet()) {
                java.nio.file.Files.writeString(logs.resolve(view + "-before.json"), before.get(view).toPrettyString());
                java.nio.file.Files.writeString(logs.resolve(view + "-rebuilt.json"), rebuilt.get(view).toPrettyString());
                assertThat(rebuilt.get(view)).as("%s after a rebuild from the log", view).isEqualTo(before.get(view));
            }
        } finally {
            node.close();
        }
    }

    private void setUp(Http secretary) {
        Http http = secretary.asAdmin();
        ok(http.postOrFail("/api/deliberations", """
                {"deliberationId":"%s","title":"Crash drill","body":"Killed five times"}""".formatted(D)));
        ok(http.postOrFail("/api/deliberations/" + D + "/participants", """
                {"participantId":"clerk","name":"Clerk","role":"SECRETARIAT"}"""));
        for (int m = 0; m < CLIENTS; m++) {
            ok(http.postOrFail("/api/deliberations/" + D + "/participants", """
                    {"participantId":"m%d","name":"Member %d","role":"MEMBER"}""".formatted(m, m)));
        }
        ok(secretary.postOrFail("/api/deliberations/" + D + "/drafts", """
                {"version":1,"title":"Draft v1","pageCount":500}"""));
    }

    private static void ok(Http.Reply r) {
        assertThat(r.status()).as(r.raw()).isBetween(200, 299);
    }

    /** One client: raise, respond, now and then (client 0 only) revise, until the app is killed. */
    private void ingest(int client, Http http, AtomicBoolean running) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int n = 0;
        while (running.get()) {
            int roll = random.nextInt(100);
            try {
                if (client == 0 && roll < 12) {
                    revise(http);
                } else if (roll < 55 || toAnswer.isEmpty()) {
                    String id = "c" + client + "-" + random.nextInt(1 << 30) + "-" + n++;
                    Http.Reply r = http.post("/api/deliberations/" + D + "/comments", """
                            {"commentId":"%s","authorId":"m%d","draftVersion":1,"anchor":{"pageFrom":%d},
                             "kind":"CHANGE_REQUEST","text":"Please reword this (%s)."}"""
                            .formatted(id, client, 1 + random.nextInt(500), id));
                    if (seen(r) && r.status() == 201) {
                        ackedComments.add(id);
                        toAnswer.add(id);
                    }
                } else {
                    String commentId = toAnswer.poll();
                    if (commentId == null) {
                        continue;
                    }
                    int k = random.nextInt(3);
                    String responseId = "r" + client + "-" + random.nextInt(1 << 30) + "-k" + k;
                    String commitments = java.util.stream.IntStream.range(0, k)
                            .mapToObj(i -> "{\"kind\":\"REVISE_DRAFT\",\"description\":\"Reword part " + i + "\"}")
                            .collect(Collectors.joining(",", "[", "]"));
                    Http.Reply r = http.post("/api/comments/" + commentId + "/responses", """
                            {"responseId":"%s","responderId":"clerk","disposition":"ACCEPTED","text":"Will do.",
                             "commitments":%s}""".formatted(responseId, commitments));
                    if (seen(r) && r.status() == 201) {
                        ackedResponses.put(responseId, k);
                        r.body().get("responses").forEach(response -> {
                            if (response.get("responseId").asText().equals(responseId)) {
                                response.get("commitments").forEach(c -> toFulfil.add(c.get("commitmentId").asText()));
                            }
                        });
                    }
                }
            } catch (IOException killed) {
                unanswered.incrementAndGet();
                return; // the server is gone; the next round starts with the next server
            }
        }
    }

    private void revise(Http http) throws IOException {
        List<String> fulfils = new ArrayList<>();
        for (int i = 0; i < 3 && !toFulfil.isEmpty(); i++) {
            String c = toFulfil.poll();
            if (c != null) {
                fulfils.add(c);
            }
        }
        int version = nextVersion.get();
        String list = fulfils.stream().map(c -> "{\"commitment\":\"" + c + "\",\"page\":" + (1 + fulfils.indexOf(c)) + "}")
                .collect(Collectors.joining(",", "[", "]"));
        Http.Reply r = http.post("/api/deliberations/" + D + "/revisions", """
                {"version":%d,"title":"Draft v%d","pageCount":500,"summary":"Reworded","fulfils":%s,"committedBy":"clerk"}"""
                .formatted(version, version, list));
        if (!seen(r)) {
            return;
        }
        if (r.status() == 201) {
            ackedRevisions.put(version, fulfils);
            nextVersion.incrementAndGet();
        } else if (r.status() == 409 && r.raw().contains("draft.version-once")) {
            // a revision whose answer was lost in a kill was stored after all: take the next number, keep the work
            nextVersion.incrementAndGet();
            toFulfil.addAll(fulfils);
        }
        // 404/409 on a commitment: its response or an earlier revision's fate was lost in a kill; drop it
    }

    private boolean seen(Http.Reply r) {
        if (r.status() >= 500) {
            serverErrors.incrementAndGet();
            synchronized (serverErrorSamples) {
                if (serverErrorSamples.size() < 5) {
                    serverErrorSamples.add(r.raw());
                }
            }
            return false;
        }
        return true;
    }

    record Stored(String aggregate, long sequence, String type, JsonNode payload) {
    }

    private void checkTheLog(JdbcTemplate jdbc) {
        List<Stored> log = jdbc.query(
                "SELECT aggregateIdentifier, sequenceNumber, payloadType, payload FROM DomainEventEntry ORDER BY globalIndex",
                (rs, i) -> {
                    try {
                        String type = rs.getString(3);
                        return new Stored(rs.getString(1), rs.getLong(2), type.substring(type.lastIndexOf('.') + 1),
                                JSON.readTree(rs.getBytes(4)));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });

        Set<String> raised = new HashSet<>();
        Map<String, Integer> commitmentsMade = new HashMap<>();
        Set<String> responded = new HashSet<>();
        Map<Integer, List<String>> revisions = new HashMap<>();
        Set<String> fulfilled = new HashSet<>();
        Map<String, List<Long>> sequences = new HashMap<>();
        for (Stored e : log) {
            sequences.computeIfAbsent(e.aggregate(), a -> new ArrayList<>()).add(e.sequence());
            JsonNode p = e.payload();
            switch (e.type()) {
                case "CommentRaised" -> raised.add(p.get("commentId").asText());
                case "CommentResponded" -> responded.add(p.get("responseId").asText());
                case "CommitmentMade" -> commitmentsMade.merge(p.get("responseId").asText(), 1, Integer::sum);
                case "RevisionCommitted" -> {
                    List<String> ids = new ArrayList<>();
                    p.get("fulfils").forEach(f -> ids.add(f.get("commitmentId").asText()));
                    revisions.put(p.get("version").asInt(), ids);
                }
                case "CommitmentFulfilled" -> fulfilled.add(p.get("commitmentId").asText() + "@v" + p.get("version").asInt());
                default -> {
                }
            }
        }

        assertThat(raised).as("every comment answered 201 is in the log").containsAll(ackedComments);
        ackedResponses.forEach((responseId, k) -> assertThat(responded).as("response %s answered 201", responseId)
                .contains(responseId));
        for (String responseId : responded) {
            if (responseId.contains("-k")) {
                int asked = Integer.parseInt(responseId.substring(responseId.lastIndexOf("-k") + 2));
                assertThat(commitmentsMade.getOrDefault(responseId, 0))
                        .as("response %s is stored with all its commitments", responseId).isEqualTo(asked);
            }
        }
        ackedRevisions.forEach((version, ids) -> assertThat(revisions.get(version))
                .as("revision v%d answered 201", version).isNotNull().containsExactlyElementsOf(ids));
        Set<String> promised = new HashSet<>();
        revisions.forEach((version, ids) -> ids.forEach(id -> promised.add(id + "@v" + version)));
        assertThat(fulfilled).as("each revision's CommitmentFulfilled events, and only those").isEqualTo(promised);
        sequences.forEach((aggregate, seq) -> {
            for (int i = 0; i < seq.size(); i++) {
                assertThat(seq.get(i)).as("events of %s numbered without a hole", aggregate).isEqualTo(i);
            }
        });
        System.out.printf("CrashSafetyTest on %s: the log holds %d events, %d comments, %d responses, %d revisions%n",
                TestDatabase.name(), log.size(), raised.size(), responded.size(), revisions.size());
    }
}
