package dev.shingi.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shingi.testing.AppProcess;
import dev.shingi.testing.Http;
import dev.shingi.testing.TestDatabase;
import dev.shingi.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Five times, Shingi (a JVM of its own, on an H2 file or PostgreSQL with {@code -Ppostgres}) is killed with SIGKILL
 * while four clients send writes under an {@code Idempotency-Key}: two raise comments (ids made up by the server), one
 * imports an ISO comment table of {@value #ISO_ROWS} rows, one confirms the minutes of meeting 10 into a new
 * deliberation ({@value #MINUTES_EVENTS} events). After each kill, before the restart, the database is read directly:
 * every import is stored whole or not at all. After each restart every request ever sent is retried with its key:
 * <ul>
 *   <li>no retry is answered 409 "in flight" or 5xx; each is a 2xx of the request's own shape;</li>
 *   <li>a request that had been answered gets exactly that answer again (status, Location, body), replayed;</li>
 *   <li>a request the kill cut short gets an answer, and the log holds its commands exactly once.</li>
 * </ul>
 */
class IdempotencyCrashTest {
    static final String D = "idem-crash";
    static final int KILLS = 5;
    /**
     * More kills, while none has yet cut a request short after its commands were stored: which kill lands there is
     * timing, and on a loaded machine five may all fall between requests. The case is what the test is for, so it
     * keeps killing (up to this many) until it has been through it at least once.
     */
    static final int MOST_KILLS = 12;
    static final int ISO_ROWS = 20;
    /** Meeting 10: opened, 22 registered, draft, meeting, 18 raised, 17 responded, 14 commitments made. */
    static final int MINUTES_EVENTS = 1 + 22 + 1 + 1 + 18 + 17 + 14;
    static final String CSV_HEADER = "MB/NC,Line number,Clause/Subclause,Paragraph/Figure/Table,Type of comment,Comments,"
            + "Proposed change,Observations of the secretariat\r\n";
    static final ObjectMapper JSON = new ObjectMapper();

    final Map<String, String> store = TestDatabase.fresh("idem-crash");
    final Map<String, String> properties = new LinkedHashMap<>(store);
    final Path logs = Path.of("target", "idempotency-crash");
    final String clerk = TestTokens.bearer(Http.CLERK);
    final String admin = TestTokens.bearer("test-admin", true);
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    enum Kind { COMMENT, ISO, MINUTES }

    record Sent(Kind kind, String key, String path, String contentType, byte[] body, String authorization) {
    }

    record Answer(int status, String location, String body, boolean replayed) {
        boolean sameAs(Answer other) {
            return status == other.status && java.util.Objects.equals(location, other.location) && body.equals(other.body);
        }
    }

    final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    /** The answer each key was first given (by the request itself or by its first retry). */
    final Map<String, Answer> answered = new ConcurrentHashMap<>();
    final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger serverErrors = new AtomicInteger();
    final AtomicInteger retries = new AtomicInteger();
    /** Requests cut short by a kill whose retry found them stored: answers rebuilt or replayed, never lost. */
    final AtomicInteger storedButUnanswered = new AtomicInteger();
    final AtomicInteger importsCutShort = new AtomicInteger();
    final AtomicInteger minutesSeq = new AtomicInteger();
    JsonNode minutesProposal;

    IdempotencyCrashTest() {
        properties.put("shingi.demo.enabled", "false");
        properties.putAll(Http.clerkProperties());
        properties.put("axon.eventhandling.tokenstore.claim-timeout", "2s");
        properties.put("shingi.processing.token-claim-interval", "500ms");
        properties.put("logging.level.root", "WARN");
    }

    @Test
    void killedFiveTimesMidRequestEveryRetryWithItsKeyGetsItsAnswerAndNoImportIsHalfStored() throws Exception {
        List<String> jvm = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-Xshare:auto");
        AppProcess app = AppProcess.start(properties, jvm, logs.resolve("run-0.log"), Duration.ofSeconds(120));
        setUp(app.port());
        int kills = 0;
        for (int kill = 1; kill <= KILLS || (storedButUnanswered.get() == 0 && kill <= MOST_KILLS); kill++) {
            kills = kill;
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> clients = new ArrayList<>();
            for (Kind kind : List.of(Kind.COMMENT, Kind.COMMENT, Kind.ISO, Kind.MINUTES)) {
                int port = app.port();
                Thread t = new Thread(() -> send(kind, port, running), "client-" + kind);
                t.start();
                clients.add(t);
            }
            int before = answered.size();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (answered.size() < before + 3 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(ThreadLocalRandom.current().nextLong(100, 1_200));
            app.kill();
            running.set(false);
            for (Thread t : clients) {
                t.join(60_000);
            }
            checkNothingHalfStored(kill);
            app = AppProcess.start(properties, jvm, logs.resolve("run-" + kill + ".log"), Duration.ofSeconds(120));
            retryEverything(app.port());
        }
        app.stop();
        Map<String, Integer> stored = eventsByKey();
        for (Sent s : sent) {
            assertThat(stored.getOrDefault(s.key(), 0)).as("%s %s stored exactly once, whole", s.kind(), s.key())
                    .isEqualTo(expectedEvents(s.kind()));
        }
        System.out.printf("IdempotencyCrashTest on %s: %d kills, %d requests sent (%d imports), %d retries; "
                        + "%d requests cut short by a kill were found stored and answered on retry; "
                        + "%d imports cut short; %d \"in flight\", %d 5xx, %d lost%n",
                TestDatabase.name(), kills, sent.size(), sent.stream().filter(s -> s.kind() != Kind.COMMENT).count(),
                retries.get(), storedButUnanswered.get(), importsCutShort.get(), inFlight.get(), serverErrors.get(), 0);

        assertThat(problems).as("answers that differ from the first or have the wrong shape").isEmpty();
        assertThat(inFlight.get()).as("409 in flight").isZero();
        assertThat(serverErrors.get()).as("5xx").isZero();
        assertThat(storedButUnanswered.get()).as("requests a kill cut short after their commands were stored")
                .isGreaterThanOrEqualTo(1);
    }

    private void setUp(int port) throws Exception {
        ok(post(port, admin, "/api/deliberations", "application/json", """
                {"deliberationId":"%s","title":"Idempotency drill","body":"Killed five times"}""".formatted(D)));
        ok(post(port, admin, "/api/deliberations/" + D + "/participants", "application/json", """
                {"participantId":"clerk","name":"Clerk","role":"SECRETARIAT"}"""));
        for (int m = 0; m < 4; m++) {
            ok(post(port, admin, "/api/deliberations/" + D + "/participants", "application/json", """
                    {"participantId":"m%d","name":"Member %d","role":"MEMBER"}""".formatted(m, m)));
        }
        ok(post(port, clerk, "/api/deliberations/" + D + "/drafts", "application/json", """
                {"version":1,"title":"Draft v1","pageCount":500}"""));
        String minutes;
        try (InputStream in = getClass().getResourceAsStream("/minutes/meeting-10.txt")) {
            minutes = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Answer preview = post(port, admin, "/api/import/minutes/preview", "text/plain; charset=UTF-8", minutes);
        ok(preview);
        minutesProposal = JSON.readTree(preview.body());
    }

    private static void ok(Answer a) {
        assertThat(a.status()).as(a.body()).isBetween(200, 299);
    }

    private Sent next(Kind kind) {
        String key = kind.name().toLowerCase() + "-" + UUID.randomUUID();
        return switch (kind) {
            case COMMENT -> new Sent(kind, key, "/api/deliberations/" + D + "/comments", "application/json", """
                    {"authorId":"m%d","draftVersion":1,"kind":"QUESTION","text":"%s"}"""
                    .formatted(ThreadLocalRandom.current().nextInt(4), key).getBytes(StandardCharsets.UTF_8), clerk);
            case ISO -> {
                StringBuilder csv = new StringBuilder(CSV_HEADER);
                for (int row = 0; row < ISO_ROWS; row++) {
                    csv.append("m").append(row % 4).append(',').append(row + 1).append(",,,ge,")
                            .append(key).append(" row ").append(row).append(",,\r\n");
                }
                yield new Sent(kind, key, "/api/deliberations/" + D + "/iso-comments?version=1", "text/csv",
                        csv.toString().getBytes(StandardCharsets.UTF_8), clerk);
            }
            case MINUTES -> {
                ObjectNode body = JSON.createObjectNode();
                body.put("deliberationId", "minutes-" + minutesSeq.incrementAndGet());
                body.put("title", "ICT サイバーセキュリティ政策の中期重点方針（案）");
                body.put("draftVersion", 1);
                body.set("proposal", minutesProposal);
                yield new Sent(kind, key, "/api/import/minutes", "application/json",
                        body.toString().getBytes(StandardCharsets.UTF_8), admin);
            }
        };
    }

    /** One client: send requests of one kind, each under a new key, until the server is killed. */
    private void send(Kind kind, int port, AtomicBoolean running) {
        while (running.get()) {
            Sent s = next(kind);
            sent.add(s);
            try {
                Answer a = send(port, s);
                judge(s, a, false);
            } catch (IOException killed) {
                return;
            }
        }
    }

    private void retryEverything(int port) throws IOException {
        List<Sent> all;
        synchronized (sent) {
            all = new ArrayList<>(sent);
        }
        for (Sent s : all) {
            retries.incrementAndGet();
            judge(s, send(port, s), true);
        }
    }

    private void judge(Sent s, Answer a, boolean retry) {
        if (a.status() >= 500) {
            serverErrors.incrementAndGet();
            problems.add(s.kind() + " " + s.key() + ": " + a.status() + " " + a.body());
            return;
        }
        if (a.status() == 409 && a.body().contains("idempotency-key-in-flight")) {
            inFlight.incrementAndGet();
            return;
        }
        Answer first = answered.get(s.key());
        if (first != null) {
            if (!a.sameAs(first) || !a.replayed()) {
                problems.add(s.kind() + " " + s.key() + ": retried answer differs: " + a + " first: " + first);
            }
            return;
        }
        String shape = shape(s, a);
        if (shape != null) {
            problems.add(s.kind() + " " + s.key() + (retry ? " (retry)" : "") + ": " + shape + ": " + a);
            return;
        }
        if (retry && a.replayed()) {
            storedButUnanswered.incrementAndGet();
        }
        answered.put(s.key(), a);
    }

    /** What is wrong with a first answer's shape, or null. */
    private static String shape(Sent s, Answer a) {
        if (a.status() != 201) {
            return "status " + a.status();
        }
        try {
            JsonNode body = JSON.readTree(a.body());
            return switch (s.kind()) {
                case COMMENT -> {
                    String id = body.path("comment").path("commentId").asText();
                    yield a.location() != null && a.location().equals("/api/comments/" + id)
                            && body.path("comment").path("text").asText().equals(s.key()) ? null : "not the comment's thread";
                }
                case ISO -> body.path("imported").asInt() == ISO_ROWS && body.path("comments").size() == ISO_ROWS
                        && body.path("comments").get(0).path("reference").asText().startsWith("#") ? null : "not the import";
                case MINUTES -> body.path("responses").asInt() == 17 && "meeting-10".equals(body.path("meetingId").asText())
                        && a.location() != null && a.location().equals("/api/deliberations/" + body.path("deliberationId").asText())
                        ? null : "not the minutes' import";
            };
        } catch (IOException e) {
            return "not JSON";
        }
    }

    private static int expectedEvents(Kind kind) {
        return switch (kind) {
            case COMMENT -> 1;
            case ISO -> ISO_ROWS;
            case MINUTES -> MINUTES_EVENTS;
        };
    }

    /** Right after a kill, on the database itself: each request's commands are all stored or none is. */
    private void checkNothingHalfStored(int kill) throws Exception {
        Map<String, Integer> stored = eventsByKey();
        List<Sent> all;
        synchronized (sent) {
            all = new ArrayList<>(sent);
        }
        for (Sent s : all) {
            int n = stored.getOrDefault(s.key(), 0);
            assertThat(n).as("after kill %d, events of %s %s (all or none)", kill, s.kind(), s.key())
                    .isIn(0, expectedEvents(s.kind()));
            if (answered.containsKey(s.key())) {
                assertThat(n).as("after kill %d, %s %s was answered %d", kill, s.kind(), s.key(),
                        answered.get(s.key()).status()).isEqualTo(expectedEvents(s.kind()));
            } else if (s.kind() != Kind.COMMENT) {
                importsCutShort.incrementAndGet();
            }
        }
    }

    /** Stored events per idempotency key, read from the event table with plain JDBC while no Shingi runs. */
    private Map<String, Integer> eventsByKey() throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT metaData FROM DomainEventEntry")) {
            while (rs.next()) {
                JsonNode meta = JSON.readTree(rs.getBytes(1));
                JsonNode key = meta.get("idempotencyKey");
                if (key != null && !key.isNull()) {
                    counts.merge(key.asText(), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    private Connection connect() throws Exception {
        if (TestDatabase.postgres()) {
            return TestDatabase.asApplication(store.get("spring.datasource.hikari.schema"));
        }
        return DriverManager.getConnection("jdbc:h2:file:" + store.get("shingi.data-dir") + "/shingi", "sa", "");
    }

    private Answer send(int port, Sent s) throws IOException {
        return send(port, s.authorization(), s.path(), s.contentType(), s.body(), s.key());
    }

    private Answer post(int port, String authorization, String path, String contentType, String body) throws IOException {
        return send(port, authorization, path, contentType, body.getBytes(StandardCharsets.UTF_8), null);
    }

    private Answer send(int port, String authorization, String path, String contentType, byte[] body, String key)
            throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", authorization).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.headers().firstValue("Location").orElse(null), r.body(),
                    r.headers().firstValue("Idempotent-Replayed").isPresent());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
