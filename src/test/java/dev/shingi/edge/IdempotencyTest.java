package dev.shingi.edge;

import dev.shingi.testing.TransferHttp;

import dev.shingi.ShingiApplication;
import dev.shingi.testing.StoredEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency-Key: a retry returns the first answer and stores nothing, also after a restart. */
class IdempotencyTest extends TransferHttp {

    /** A deliberation of its own, so that what it stores changes no other test's view of the demo. */
    @BeforeEach
    void ownDeliberation() {
        if (get("/api/deliberations/idempotency").status() == 404) {
            openDeliberation("idempotency", 10);
        }
    }

    static final String COMMENT = """
            {"authorId":"m1","draftVersion":1,"kind":"QUESTION","text":"%s"}""";

    private Reply postWithKey(String path, String body, String key) {
        try {
            HttpRequest r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/json").header("Authorization", basic("sato"))
                    .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> res = http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(res.statusCode(), res.headers().firstValue("Content-Type").orElse(""),
                    res.body().isBlank() ? null : json.readTree(res.body()), res.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRetryWithTheSameKeyReturnsTheFirstAnswerAndStoresNothing() {
        String key = UUID.randomUUID().toString();
        String body = COMMENT.formatted("Retried question");
        Reply first = postWithKey("/api/deliberations/idempotency/comments", body, key);
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        long events = storedEvents();
        Reply again = postWithKey("/api/deliberations/idempotency/comments", body, key);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.raw()).isEqualTo(first.raw());
        assertThat(storedEvents()).isEqualTo(events);
    }

    @Test
    void theSameKeyForAnotherRequestIs422() {
        String key = UUID.randomUUID().toString();
        assertThat(postWithKey("/api/deliberations/idempotency/comments", COMMENT.formatted("One"), key).status())
                .isEqualTo(201);
        long events = storedEvents();
        Reply other = postWithKey("/api/deliberations/idempotency/comments", COMMENT.formatted("Another"), key);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(storedEvents()).isEqualTo(events);
    }

    @Test
    void aRefusedCommandKeepsNoKeySoItsCorrectedRetryGoesThrough() {
        String key = UUID.randomUUID().toString();
        Reply refused = postWithKey("/api/deliberations/idempotency/comments",
                "{\"authorId\":\"stranger\",\"draftVersion\":1,\"kind\":\"QUESTION\",\"text\":\"x\"}", key);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_key WHERE key_value = ?", Integer.class, key))
                .isZero();
    }

    @Test
    void aRetryAfterARestartIsStillRecognised() throws Exception {
        Path dir = Files.createTempDirectory("shingi-restart-");
        String key = UUID.randomUUID().toString();
        // its own data directory holds only the demo, so the retry goes to the demo deliberation
        String body = """
                {"authorId":"tsuta","draftVersion":1,"kind":"QUESTION","text":"Before the restart"}""";
        String firstAnswer;
        long events;
        try (ConfigurableApplicationContext app = start(dir)) {
            int p = port(app);
            HttpResponse<String> first = send(p, body, key);
            assertThat(first.statusCode()).isEqualTo(201);
            firstAnswer = first.body();
        }
        try (ConfigurableApplicationContext app = start(dir)) {
            events = count(app);
            HttpResponse<String> retry = send(port(app), body, key);
            assertThat(retry.statusCode()).isEqualTo(201);
            assertThat(retry.body()).isEqualTo(firstAnswer);
            assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
            assertThat(count(app)).isEqualTo(events);
        }
    }

    private static ConfigurableApplicationContext start(Path dir) {
        return new SpringApplicationBuilder(ShingiApplication.class)
                .run("--server.port=0", "--shingi.data-dir=" + dir);
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    private static long count(ConfigurableApplicationContext app) {
        return StoredEvents.byCommands(app.getBean(org.springframework.jdbc.core.JdbcTemplate.class));
    }

    private static HttpResponse<String> send(int port, String body, String key) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/api/deliberations/ict-cyber-2024/comments"))
                        .header("Content-Type", "application/json").header("Authorization", basic("sato"))
                        .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
