package dev.shingi.transfer.ledger;

import dev.shingi.testing.Http;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shingi.testing.AppProcess;
import dev.shingi.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backup and restore end to end, on real H2 files and two application processes over HTTP: the source records the
 * demo and a varied history (late entries, a correction, a withdrawal, a reopening, a second response, a revision, a
 * conclusion); its export is imported into an empty target; every read model of both answers identically for a grid
 * of (at, knownAt/afterEvent), the target verifies clean, and its own export is the source's, line for line. Before
 * that, every kind of bad input is refused with a 400 naming the line and leaves the target empty; after it, a second
 * import is a 409.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LedgerTransferTest {
    static final String D = "rt-history";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static Map<String, String> sourceStore;
    static AppProcess source;
    static AppProcess target;
    static final List<String> knownAts = new ArrayList<>();
    static String exported;

    @BeforeAll
    static void start() throws Exception {
        Path logs = Files.createTempDirectory("shingi-transfer-logs-");
        sourceStore = TestDatabase.fresh("transfer-source");
        source = AppProcess.start(sourceStore, List.of("-Xmx384m"), logs.resolve("source.log"), Duration.ofMinutes(3));
        Map<String, String> targetProps = new LinkedHashMap<>(TestDatabase.fresh("transfer-target"));
        targetProps.put("shingi.demo.enabled", "false");
        target = AppProcess.start(targetProps, List.of("-Xmx384m"), logs.resolve("target.log"), Duration.ofMinutes(3));
        recordHistory();
        Reply e = get(source, "admin", "/api/admin/export");
        assertThat(e.status()).as(e.body()).isEqualTo(200);
        assertThat(e.contentType()).startsWith("application/x-ndjson");
        exported = e.body();
    }

    @AfterAll
    static void stop() {
        if (source != null) {
            source.close();
        }
        if (target != null) {
            target.close();
        }
    }

    // ---- the source's history ------------------------------------------------------------------------------------

    static void recordHistory() throws Exception {
        ok(post(source, "admin", "/api/deliberations", """
                {"deliberationId":"%s","title":"Round trip","body":"Backup committee","occurredAt":"2024-06-01T09:00+09:00"}""".formatted(D)));
        for (String[] p : new String[][]{{"ann", "MEMBER"}, {"bob", "MEMBER"}, {"sato", "SECRETARIAT"}}) {
            ok(post(source, "admin", "/api/deliberations/" + D + "/participants", """
                    {"participantId":"%s","name":"%s","role":"%s"}""".formatted(p[0], p[0].toUpperCase(), p[1])));
        }
        ok(post(source, "sato", "/api/deliberations/" + D + "/drafts", """
                {"version":1,"title":"v1","pageCount":10,"occurredAt":"2024-07-01T09:00+09:00"}"""));
        raise("c1", "ann", "QUESTION", 2, "2024-07-01T10:00+09:00");
        raise("c2", "bob", "CHANGE_REQUEST", 3, "2024-07-01T10:05+09:00");
        raise("c3", "ann", "EDITORIAL", 4, "2024-07-01T10:10+09:00");
        knownAts.add(Instant.now().toString()); // the three comments known, nothing else
        pause();
        raise("c4", "bob", "QUESTION", 5, "2024-06-20T15:00+09:00"); // a letter entered late
        ok(post(source, "sato", "/api/comments/" + D + "-c1/responses", """
                {"responseId":"r1","responderId":"sato","disposition":"ANSWERED","text":"See page 2.",
                 "occurredAt":"2024-07-02T10:00+09:00"}"""));
        ok(post(source, "sato", "/api/comments/" + D + "-c2/responses", """
                {"responseId":"r1","responderId":"sato","disposition":"ACCEPTED","text":"Will do.",
                 "commitments":[{"kind":"REVISE_DRAFT","description":"Reword page 3"}],
                 "occurredAt":"2024-07-02T10:05+09:00"}"""));
        ok(post(source, "sato", "/api/comments/" + D + "-c3/responses", """
                {"responseId":"r1","responderId":"sato","disposition":"CONSIDERING","text":"We will consider it.",
                 "commitments":[{"kind":"CONSIDER","description":"Consider the wording","dueDate":"2024-08-01"}],
                 "occurredAt":"2024-07-02T10:10+09:00"}"""));
        knownAts.add(Instant.now().toString()); // before the correction and the withdrawal
        pause();
        ok(post(source, "sato", "/api/comments/" + D + "-c4/withdrawal", """
                {"participantId":"bob","reason":"Asked in error","occurredAt":"2024-07-03T09:00+09:00"}"""));
        ok(post(source, "sato", "/api/comments/" + D + "-c1/acknowledgements", """
                {"responseId":"r1","participantId":"ann","satisfied":false,"note":"Page 2 does not say it",
                 "occurredAt":"2024-07-03T10:00+09:00"}"""));
        ok(post(source, "sato", "/api/comments/" + D + "-c2/corrections", """
                {"authorId":"ann","anchor":{"pageFrom":6},"reason":"It was Ann, about page 6","correctedBy":"sato",
                 "recordOccurredAt":"2024-07-01T09:55+09:00","occurredAt":"2024-07-03T11:00+09:00"}"""));
        knownAts.add(Instant.now().toString()); // after the correction, before the revision
        pause();
        ok(post(source, "sato", "/api/comments/" + D + "-c1/responses", """
                {"responseId":"r2","responderId":"sato","disposition":"ACCEPTED","text":"We will add it.",
                 "commitments":[{"kind":"REVISE_DRAFT","description":"Say it on page 2"}],
                 "occurredAt":"2024-07-04T10:00+09:00"}"""));
        ok(post(source, "sato", "/api/deliberations/" + D + "/revisions", """
                {"version":2,"title":"v2","pageCount":12,"summary":"Reworded","changes":["p.3 reworded"],
                 "fulfils":[{"commitment":"#2.1","page":3},{"commitment":"#1.1","page":2}],"committedBy":"sato",
                 "illustrative":false,"occurredAt":"2024-07-15T10:00+09:00"}"""));
        ok(post(source, "sato", "/api/commitments/" + D + "-c3.1/conclusion", """
                {"participantId":"sato","outcome":"Kept as is","occurredAt":"2024-07-16T10:00+09:00"}"""));
        raise("c5", "bob", "ENDORSEMENT", 1, "2024-07-16T11:00+09:00");
        ok(post(source, "admin", "/api/admin/checkpoints", ""));
    }

    static void raise(String id, String author, String kind, int page, String at) throws IOException, InterruptedException {
        ok(post(source, "sato", "/api/deliberations/" + D + "/comments", """
                {"commentId":"%s-%s","authorId":"%s","draftVersion":1,"anchor":{"pageFrom":%d},"kind":"%s",
                 "text":"Comment %s on page %d","occurredAt":"%s"}""".formatted(D, id, author, page, kind, id, page, at)));
    }

    /** Recorded times are milliseconds: keep the knownAt instants strictly between events. */
    static void pause() throws InterruptedException {
        Thread.sleep(20);
    }

    // ---- bad input: refused, target stays empty -------------------------------------------------------------------

    List<String> lines() {
        return new ArrayList<>(Arrays.asList(exported.split("\n")));
    }

    static String join(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }

    @Test
    @Order(1)
    void everyKindOfBadInputIsA400NamingTheLineAndWritesNothing() throws Exception {
        List<String> good = lines();
        // a line that does not parse
        List<String> broken = new ArrayList<>(good);
        broken.set(4, broken.get(4).substring(0, 40));
        refused(join(broken).getBytes(StandardCharsets.UTF_8), 5, "not JSON");

        // an unknown event type
        List<String> unknown = new ArrayList<>(good);
        unknown.set(2, unknown.get(2).replaceFirst("\"payloadType\":\"[^\"]+\"",
                "\"payloadType\":\"dev.shingi.deliberation.api.NoSuchEvent\""));
        refused(join(unknown).getBytes(StandardCharsets.UTF_8), 3,
                "payloadType 'dev.shingi.deliberation.api.NoSuchEvent' is not an event of this ledger");

        // a class that is not an event at all is not even loaded
        List<String> foreign = new ArrayList<>(good);
        foreign.set(1, foreign.get(1).replaceFirst("\"payloadType\":\"[^\"]+\"", "\"payloadType\":\"java.lang.Runtime\""));
        refused(join(foreign).getBytes(StandardCharsets.UTF_8), 2, "is not an event of this ledger");

        // a broken sequence: the demo deliberation's second event left out
        List<String> gap = new ArrayList<>(good);
        int second = indexOf(gap, "\"aggregateIdentifier\":\"ict-cyber-2024\",\"sequenceNumber\":1,");
        int third = indexOf(gap, "\"aggregateIdentifier\":\"ict-cyber-2024\",\"sequenceNumber\":2,");
        gap.remove(second);
        refused(join(gap).getBytes(StandardCharsets.UTF_8), third, // one line up after the removal, +1 for line numbers
                "aggregate 'ict-cyber-2024' has sequence number 2 where 1 was expected");

        // an empty body
        refused(new byte[0], 1, "the input is empty");

        // a line of Shift_JIS bytes
        List<String> head = new ArrayList<>(good.subList(0, 2));
        byte[] sjis = "{\"position\":2,\"note\":\"審議\"}".getBytes(Charset.forName("Shift_JIS"));
        byte[] body = concat(join(head).getBytes(StandardCharsets.UTF_8), sjis, "\n".getBytes(StandardCharsets.UTF_8));
        refused(body, 3, "not UTF-8");

        // a payload changed after the export: its hash no longer matches
        List<String> tampered = new ArrayList<>(good);
        int accepted = indexOf(tampered, "\"disposition\":\"ACCEPTED\"");
        tampered.set(accepted, tampered.get(accepted).replaceFirst("\"disposition\":\"ACCEPTED\"",
                "\"disposition\":\"DECLINED\""));
        assertThat(tampered.get(accepted)).contains("DECLINED");
        refused(join(tampered).getBytes(StandardCharsets.UTF_8), accepted + 1, "hash does not match");

        // a file cut short: no end line
        List<String> cut = new ArrayList<>(good.subList(0, good.size() - 1));
        refused(join(cut).getBytes(StandardCharsets.UTF_8), good.size(), "the end line");

        // a header of another format version
        List<String> future = new ArrayList<>(good);
        future.set(0, future.get(0).replace("\"version\":2", "\"version\":3"));
        refused(join(future).getBytes(StandardCharsets.UTF_8), 1, "format version 3 is not supported");
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        throw new AssertionError("no line with " + part);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    private void refused(byte[] body, int line, String reason) throws Exception {
        Reply r = importInto(target, body, false);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode p = JSON.readTree(r.body());
        assertThat(p.get("type").asText()).isEqualTo("https://shingi.dev/problems/import-refused");
        assertThat(p.get("line").asInt()).as(r.body()).isEqualTo(line);
        assertThat(p.get("detail").asText()).startsWith("line " + line + ": ").contains(reason);
        assertTargetEmpty();
    }

    private void assertTargetEmpty() throws Exception {
        List<String> out = Arrays.asList(get(target, "admin", "/api/admin/export").body().split("\n"));
        assertThat(out).hasSize(2);
        JsonNode end = JSON.readTree(out.get(1));
        assertThat(end.get("end").asText()).isEqualTo("shingi-ledger");
        assertThat(end.get("events").asLong()).isZero();
        assertThat(end.get("lines").asLong()).isEqualTo(1); // the header, signed in the trailer
    }

    // ---- the round trip -------------------------------------------------------------------------------------------

    @Test
    @Order(3)
    void anImportReproducesEveryReadModelForEveryInstantAndVerifies() throws Exception {
        List<String> lines = lines();
        JsonNode header = JSON.readTree(lines.get(0));
        assertThat(header.get("format").asText()).isEqualTo("shingi-ledger");
        assertThat(header.get("version").asInt()).isEqualTo(2);
        long events = header.get("events").asLong();
        assertThat(lines).hasSize((int) events + 2);
        assertThat(JSON.readTree(lines.get(lines.size() - 1)).get("events").asLong()).isEqualTo(events);
        JsonNode first = JSON.readTree(lines.get(1));
        assertThat(first.get("position").asLong()).isEqualTo(1);
        assertThat(first.get("payloadType").asText()).isEqualTo("dev.shingi.deliberation.api.DeliberationOpened");
        assertThat(first.get("occurredAt").asText()).isEqualTo(first.get("payload").get("occurredAt").asText());
        assertThat(first.get("metaData").get("recordedBy").asText()).isEqualTo("demo-loader");

        Reply imported = importInto(target, exported.getBytes(StandardCharsets.UTF_8), false);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        JsonNode result = JSON.readTree(imported.body());
        assertThat(result.get("events").asLong()).isEqualTo(events);
        assertThat(result.get("deliberations").asInt()).isEqualTo(2);
        assertThat(result.get("positionsKept").asBoolean()).isTrue();
        assertThat(result.get("resigned").asBoolean()).isFalse();
        assertThat(result.get("checkpoints").asBoolean()).isTrue();

        // the target's own export is the source's: every event line byte for byte, same count (the trailers differ
        // by the headers they sign: another node, another moment)
        List<String> again = Arrays.asList(get(target, "admin", "/api/admin/export").body().split("\n"));
        assertThat(again.subList(1, again.size() - 1)).isEqualTo(lines.subList(1, lines.size() - 1));
        assertThat(JSON.readTree(again.get(again.size() - 1)).get("events").asLong()).isEqualTo(events);

        awaitProjections();
        List<String> ats = List.of("", "2024-06-20T16:00+09:00", "2024-06-24T13:00+09:00", "2024-06-24T17:00+09:00",
                "2024-07-01T09:58+09:00", "2024-07-01T10:07+09:00", "2024-07-03T10:30+09:00", "2024-07-20T00:00+09:00");
        List<String> knowledge = new ArrayList<>(List.of("", "knownAt=" + q("2020-01-01T00:00Z"), "afterEvent=40",
                "afterEvent=" + (events - 5)));
        knownAts.forEach(k -> knowledge.add("knownAt=" + q(k)));
        List<String> paths = new ArrayList<>();
        for (String d : List.of("ict-cyber-2024", D)) {
            for (String view : List.of("", "/comments", "/outstanding", "/answers", "/versions", "/timeline")) {
                paths.add("/api/deliberations/" + d + view);
            }
        }
        paths.add("/api/deliberations");
        int compared = 0;
        for (String path : paths) {
            for (String at : ats) {
                for (String known : knowledge) {
                    compared += same(path + query(at, known));
                }
            }
        }
        List<String> comments = new ArrayList<>();
        for (String d : List.of("ict-cyber-2024", D)) {
            JSON.readTree(get(source, "admin", "/api/deliberations/" + d + "/comments").body())
                    .forEach(c -> comments.add(c.get("commentId").asText()));
        }
        assertThat(comments).hasSize(18 + 5);
        for (String c : comments) {
            for (String at : List.of("", "2024-07-01T10:07+09:00", "2024-07-03T10:30+09:00")) {
                for (String known : knowledge) {
                    compared += same("/api/comments/" + c + query(at, known));
                }
            }
        }
        assertThat(compared).isEqualTo(paths.size() * ats.size() * knowledge.size()
                + comments.size() * 3 * knowledge.size());

        JsonNode verify = JSON.readTree(get(target, "admin", "/api/admin/verify").body());
        assertThat(verify.get("findings")).isEmpty();
        assertThat(verify.get("clean").asBoolean()).isTrue();
        assertThat(verify.get("events").asLong()).isEqualTo(events);
        long checkpointsInFile = 0;
        for (String line : lines.subList(1, lines.size() - 1)) {
            if (JSON.readTree(line).get("payloadType").asText().endsWith(".LedgerCheckpointed")) {
                checkpointsInFile++;
            }
        }
        assertThat(checkpointsInFile).isGreaterThanOrEqualTo(2); // the demo's revision's and the one asked for
        assertThat(verify.get("checkpoints").asLong()).isEqualTo(checkpointsInFile);

        // the comment numbering continues where the source's stood: the next comment is #6 on both
        raiseOn(source, "c6");
        raiseOn(target, "c6");
        assertThat(JSON.readTree(get(target, "admin", "/api/comments/" + D + "-c6").body())
                .get("comment").get("reference").asText()).isEqualTo("#6");
        assertThat(JSON.readTree(get(source, "admin", "/api/comments/" + D + "-c6").body())
                .get("comment").get("reference").asText()).isEqualTo("#6");
    }

    private static void raiseOn(AppProcess app, String id) throws Exception {
        ok(post(app, "sato", "/api/deliberations/" + D + "/comments", """
                {"commentId":"%s-%s","authorId":"bob","draftVersion":2,"kind":"REMARK","text":"After the restore",
                 "occurredAt":"2024-07-20T10:00+09:00"}""".formatted(D, id)));
    }

    @Test
    @Order(4)
    void anImportIntoALedgerThatHoldsEventsIsA409() throws Exception {
        Reply r = importInto(target, exported.getBytes(StandardCharsets.UTF_8), false);
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        JsonNode p = JSON.readTree(r.body());
        assertThat(p.get("type").asText()).isEqualTo("https://shingi.dev/problems/ledger-not-empty");
        assertThat(p.get("rule").asText()).isEqualTo("ledger.import-into-empty");
    }

    @Test
    @Order(2)
    void oneDeliberationExportsAloneAndOnlyAnAdminExports() throws Exception {
        Reply one = get(source, "admin", "/api/admin/export?deliberation=" + D);
        assertThat(one.status()).isEqualTo(200);
        List<String> lines = Arrays.asList(one.body().split("\n"));
        assertThat(JSON.readTree(lines.get(0)).get("deliberation").asText()).isEqualTo(D);
        List<String> aggregates = new ArrayList<>();
        for (String line : lines.subList(1, lines.size() - 1)) {
            JsonNode e = JSON.readTree(line);
            assertThat(e.get("payload").get("deliberationId").asText()).isEqualTo(D);
            if (e.get("sequenceNumber").asLong() == 0) {
                aggregates.add(e.get("aggregateType").asText() + " " + e.get("aggregateIdentifier").asText());
            }
        }
        assertThat(aggregates).containsExactly("Deliberation " + D, "DraftVersion " + D + "/v1", "Comment " + D + "-c1",
                "Comment " + D + "-c2", "Comment " + D + "-c3", "Comment " + D + "-c4", "DraftVersion " + D + "/v2",
                "Comment " + D + "-c5");
        assertThat(JSON.readTree(lines.get(lines.size() - 1)).get("events").asInt()).isEqualTo(lines.size() - 2);

        assertThat(get(source, "admin", "/api/admin/export?deliberation=no-such").status()).isEqualTo(404);
        assertThat(get(source, "sato", "/api/admin/export?deliberation=" + D).status()).isEqualTo(403);
        assertThat(get(source, null, "/api/admin/export").status()).isEqualTo(401);
        assertThat(importInto(source, new byte[0], false, "sato").status()).isEqualTo(403);
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private int same(String path) throws Exception {
        Reply a = get(source, "admin", path);
        Reply b = get(target, "admin", path);
        assertThat(b.status()).as(path + " " + b.body()).isEqualTo(a.status());
        if (a.status() == 200) {
            assertThat(b.body()).as(path).isEqualTo(a.body());
        } else {
            // a problem detail ("no deliberation as of <the moment asked>"): the same problem, at another moment
            assertThat(a.status()).as(path + " " + a.body()).isEqualTo(404);
            ObjectNode pa = (ObjectNode) JSON.readTree(a.body());
            ObjectNode pb = (ObjectNode) JSON.readTree(b.body());
            pa.remove("detail");
            pb.remove("detail");
            assertThat(pb).as(path).isEqualTo(pa);
        }
        return 1;
    }

    /** The target's views have caught up when each deliberation's timeline is as long as the source's. */
    private void awaitProjections() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (String d : List.of("ict-cyber-2024", D)) {
            String want = get(source, "admin", "/api/deliberations/" + d + "/timeline").body();
            while (!want.equals(get(target, "admin", "/api/deliberations/" + d + "/timeline").body())) {
                assertThat(System.nanoTime()).as("target caught up within 60 s").isLessThan(deadline);
                Thread.sleep(200);
            }
        }
    }

    private static String query(String at, String known) {
        List<String> q = new ArrayList<>();
        if (!at.isEmpty()) {
            q.add("at=" + q(at));
        }
        if (!known.isEmpty()) {
            q.add(known);
        }
        return q.isEmpty() ? "" : "?" + String.join("&", q);
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    record Reply(int status, String contentType, String body) {
    }

    static void ok(Reply r) {
        assertThat(r.status()).as(r.body()).isBetween(200, 299);
    }

    static Reply get(AppProcess app, String user, String path) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .timeout(Duration.ofSeconds(60)).GET();
        if (user != null) {
            b.header("Authorization", basic(user));
        }
        return send(b.build());
    }

    static Reply post(AppProcess app, String user, String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", basic(user))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    static Reply importInto(AppProcess app, byte[] body, boolean resign) throws IOException, InterruptedException {
        return importInto(app, body, resign, "admin");
    }

    static Reply importInto(AppProcess app, byte[] body, boolean resign, String user)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/admin/import"
                        + (resign ? "?resign=true" : "")))
                .timeout(Duration.ofSeconds(120)).header("Authorization", basic(user))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    static String basic(String user) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + Http.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    static Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

}
