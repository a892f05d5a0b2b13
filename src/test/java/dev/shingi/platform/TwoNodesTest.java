package dev.shingi.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shingi.ShingiApplication;
import dev.shingi.testing.Http;
import dev.shingi.testing.Nodes;
import dev.shingi.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Shingi nodes (two application contexts, each on its own port) share one PostgreSQL database:
 * both take commands for the same deliberation at once, neither loses nor repeats one, a lost race is answered 409,
 * the projections' segments are split between the nodes and taken over by the survivor when one stops, and the read
 * models both nodes serve equal a fresh rebuild from the log.
 */
@Tag("postgres")
@EnabledIfSystemProperty(named = "shingi.test.database", matches = "postgres")
class TwoNodesTest {
    static final String D = "two-nodes";
    static final int THREADS_PER_NODE = 8;
    static final int ROUNDS = 10;
    static final int SEGMENTS = 4;
    static final ObjectMapper JSON = new ObjectMapper();

    final Map<String, String> properties = new LinkedHashMap<>(TestDatabase.fresh("two_nodes"));
    final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    record Call(int node, String kind, String id, int status, String body, long millis) {
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    final List<String> raised = new CopyOnWriteArrayList<>();
    final Map<String, String> problems = new ConcurrentHashMap<>();

    TwoNodesTest() {
        properties.put("shingi.demo.enabled", "false");
        properties.putAll(Http.clerkProperties());
        properties.put("shingi.processing.segments", String.valueOf(SEGMENTS));
        properties.put("shingi.processing.token-claim-interval", "300ms");
        properties.put("shingi.processing.balance.interval", "1s");
        properties.put("shingi.processing.balance.release-for", "3s");
        properties.put("axon.eventhandling.tokenstore.claim-timeout", "3s");
        properties.put("server.address", "127.0.0.1");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.dev.shingi.platform", "INFO");
    }

    private ConfigurableApplicationContext start() {
        ConfigurableApplicationContext node = new SpringApplicationBuilder(ShingiApplication.class)
                .profiles(TestDatabase.profiles())
                .run(Nodes.arguments(properties, "server.port", "0"));
        nodes.add(node);
        return node;
    }

    @AfterEach
    void stopNodes() {
        nodes.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void twoNodesShareTheWorkLoseNothingAndAgree() throws Exception {
        ConfigurableApplicationContext a = start();
        ConfigurableApplicationContext b = start();
        Http[] http = {Nodes.http(a), Nodes.http(b)};

        // the projections' segments are split between the nodes
        Nodes.await("segments split between the nodes", Duration.ofSeconds(60), () -> split(a, b));
        Map<String, List<Integer>> segmentsOfA = Nodes.segments(a);
        Map<String, List<Integer>> segmentsOfB = Nodes.segments(b);
        segmentsOfA.forEach((processor, mine) -> {
            Set<Integer> union = new HashSet<>(mine);
            union.addAll(segmentsOfB.get(processor));
            assertThat(mine).as("%s: node A holds some segments", processor).isNotEmpty();
            assertThat(segmentsOfB.get(processor)).as("%s: node B holds some segments", processor).isNotEmpty()
                    .doesNotContainAnyElementsOf(mine);
            assertThat(union).as("%s: together they hold every segment", processor).containsExactlyInAnyOrder(0, 1, 2, 3);
        });

        setUp(http);

        // 8 clients per node raise and answer comments of the same deliberation at once, over HTTP
        long loadStarted = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(2 * THREADS_PER_NODE);
        List<Future<?>> done = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            for (int t = 0; t < THREADS_PER_NODE; t++) {
                int node = n;
                int thread = t;
                done.add(clients.submit(() -> client(node, thread, http)));
            }
        }
        for (Future<?> f : done) {
            f.get();
        }
        clients.shutdown();
        double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;

        List<Call> serverErrors = calls.stream().filter(c -> c.status() >= 500).toList();
        assertThat(serverErrors).as("no 5xx").isEmpty();
        assertThat(problems).as("answers that broke read-your-writes or were not clear").isEmpty();
        assertThat(calls).allSatisfy(c -> assertThat(c.status()).as(c.toString()).isIn(200, 201, 409));
        checkTheLog(a.getBean(JdbcTemplate.class));

        // both nodes serve the same answers
        Nodes.awaitCaughtUp(a);
        Nodes.awaitCaughtUp(b);
        Map<String, JsonNode> fromA = Nodes.readModels(http[0], D);
        assertThat(Nodes.readModels(http[1], D)).as("node B's answers").isEqualTo(fromA);
        assertThat(fromA.get("comments").size()).isEqualTo(calls.stream().filter(c -> c.kind().equals("raise") && c.status() == 201).count());

        // node B stops: node A takes its segments over and goes on
        b.close();
        nodes.remove(b);
        Nodes.await("node A to take every segment over", Duration.ofSeconds(30), () -> Nodes.holdsEverySegment(a));
        String late = "late-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Reply r = http[0].postOrFail("/api/deliberations/" + D + "/comments", raiseBody(late, "m0"));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(http[0].getOrFail("/api/comments/" + late).status()).isEqualTo(200);

        // and what it shows equals a rebuild from the log
        Map<String, JsonNode> before = Nodes.readModels(http[0], D);
        Nodes.rebuild(a, Duration.ofSeconds(60));
        Map<String, JsonNode> rebuilt = Nodes.readModels(http[0], D);
        for (String view : before.keySet()) {
            assertThat(rebuilt.get(view)).as("%s after a rebuild", view).isEqualTo(before.get(view));
        }
        long conflicts = calls.stream().filter(c -> c.status() == 409).count();
        List<Long> millis = calls.stream().map(Call::millis).sorted().toList();
        System.out.printf("TwoNodesTest: %d commands in %.1f s, %d answered 409; latency p50 %d ms, p99 %d ms, max %d ms; "
                        + "segments A=%s B=%s%n", calls.size(), loadSeconds, conflicts, millis.get(millis.size() / 2),
                millis.get((int) (millis.size() * 0.99)), millis.get(millis.size() - 1), segmentsOfA, segmentsOfB);
    }

    private static boolean split(ConfigurableApplicationContext a, ConfigurableApplicationContext b) {
        Map<String, Double> sa = Nodes.shares(a);
        Map<String, Double> sb = Nodes.shares(b);
        return sa.keySet().stream().allMatch(p -> sa.get(p) > 0 && sb.get(p) > 0 && Math.abs(sa.get(p) + sb.get(p) - 1) < 1e-9);
    }

    /** Set up through both nodes in turn: each node's view of the deliberation is stale after the other's write. */
    private void setUp(Http[] http) {
        assertThat(http[0].asAdmin().postOrFail("/api/deliberations", """
                {"deliberationId":"%s","title":"Two nodes","body":"Scale-out test","occurredAt":"2024-06-01T09:00+09:00"}""".formatted(D)).status()).isEqualTo(201);
        register(http[1], "clerk", "SECRETARIAT");
        for (int m = 0; m < 2 * THREADS_PER_NODE; m++) {
            register(http[m % 2], "m" + m, "MEMBER");
        }
        // the last member was registered through node B; node A must know of it
        String last = "m" + (2 * THREADS_PER_NODE - 1);
        Http.Reply meeting = http[0].postOrFail("/api/deliberations/" + D + "/meetings", """
                {"meetingId":"mt1","number":1,"title":"First meeting","startsAt":"2024-06-24T14:00:00+09:00",
                 "attendeeIds":["clerk","m0","%s"]}""".formatted(last));
        assertThat(meeting.status()).as(meeting.raw()).isEqualTo(201);
        assertThat(http[0].postOrFail("/api/deliberations/" + D + "/drafts", """
                {"version":1,"title":"Draft v1","pageCount":100}""").status()).isEqualTo(201);
    }

    private static void register(Http http, String id, String role) {
        Http.Reply r = http.asAdmin().postOrFail("/api/deliberations/" + D + "/participants", """
                {"participantId":"%s","name":"%s","role":"%s"}""".formatted(id, id.toUpperCase(), role));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
    }

    private static String raiseBody(String commentId, String author) {
        return """
                {"commentId":"%s","authorId":"%s","draftVersion":1,"anchor":{"pageFrom":%d},"kind":"QUESTION",
                 "text":"Why page %s?"}""".formatted(commentId, author, 1 + ThreadLocalRandom.current().nextInt(100), commentId);
    }

    /** One client on one node: raise a comment, read it back there and on the other node, answer a recent comment. */
    private void client(int node, int thread, Http[] http) {
        Http mine = http[node];
        Http other = http[1 - node];
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try {
            for (int i = 0; i < ROUNDS; i++) {
                String commentId = "n" + node + "-t" + thread + "-" + i;
                long t0 = System.nanoTime();
                Http.Reply r = mine.post("/api/deliberations/" + D + "/comments", raiseBody(commentId, "m" + (node * THREADS_PER_NODE + thread)));
                calls.add(new Call(node, "raise", commentId, r.status(), r.raw(), (System.nanoTime() - t0) / 1_000_000));
                if (r.status() == 201) {
                    raised.add(commentId);
                    if (!commentId.equals(r.body().get("comment").get("commentId").asText())) {
                        problems.put(commentId, "201 answered with another comment: " + r.raw());
                    }
                    int here = mine.get("/api/comments/" + commentId).status();
                    int there = other.get("/api/comments/" + commentId).status();
                    if (here != 200 || there != 200) {
                        problems.put(commentId, "read after 201: " + here + " on the same node, " + there + " on the other");
                    }
                }
                // answer one of the last few comments: clients on both nodes often pick the same one
                List<String> all = List.copyOf(raised); // other clients keep adding: a view of the live list would break
                List<String> recent = all.subList(Math.max(0, all.size() - 4), all.size());
                String target = recent.get(random.nextInt(recent.size()));
                String responseId = "resp-" + node + "-" + thread + "-" + i;
                long t1 = System.nanoTime();
                Http.Reply answer = mine.post("/api/comments/" + target + "/responses", """
                        {"responseId":"%s","responderId":"clerk","disposition":"ACCEPTED","text":"Will do.",
                         "commitments":[{"kind":"REVISE_DRAFT","description":"Reword it"}]}""".formatted(responseId));
                calls.add(new Call(node, "respond", responseId, answer.status(), answer.raw(), (System.nanoTime() - t1) / 1_000_000));
                if (answer.status() == 409 && (answer.body() == null || answer.body().path("detail").asText().isBlank()
                        || answer.body().path("rule").asText().isBlank())) {
                    problems.put(responseId, "409 without a clear problem detail: " + answer.raw());
                }
            }
        } catch (IOException e) {
            problems.put("client-" + node + "-" + thread, e.toString());
        }
    }

    private void checkTheLog(JdbcTemplate jdbc) throws IOException {
        Map<String, Integer> raisedInLog = new HashMap<>();
        Map<String, Integer> respondedInLog = new HashMap<>();
        List<String> references = new ArrayList<>();
        for (Map<String, Object> row : jdbc.queryForList(
                "SELECT payloadType, payload FROM DomainEventEntry WHERE payloadType IN (?, ?)",
                "dev.shingi.deliberation.api.CommentRaised", "dev.shingi.deliberation.api.CommentResponded")) {
            JsonNode p = JSON.readTree((byte[]) row.get("payload"));
            if (row.get("payloadType").toString().endsWith("CommentRaised")) {
                raisedInLog.merge(p.get("commentId").asText(), 1, Integer::sum);
                references.add(p.get("reference").asText());
            } else {
                respondedInLog.merge(p.get("responseId").asText(), 1, Integer::sum);
            }
        }
        for (Call c : calls) {
            Map<String, Integer> log = c.kind().equals("raise") ? raisedInLog : respondedInLog;
            if (c.status() == 201) {
                assertThat(log.get(c.id())).as("%s answered 201 is in the log exactly once", c.id()).isEqualTo(1);
            } else {
                assertThat(log.get(c.id())).as("%s answered %d is not in the log", c.id(), c.status()).isNull();
            }
        }
        assertThat(raisedInLog.size()).as("no comment the clients were not told about")
                .isEqualTo(calls.stream().filter(c -> c.kind().equals("raise") && c.status() == 201).count());
        assertThat(new HashSet<>(references)).as("comment references #n are unique").hasSize(references.size());
    }
}
