package dev.shingi.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shingi.platform.Ledger;
import dev.shingi.testing.StoredEvents;
import dev.shingi.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the end-to-end tests: the whole application on a random port, on a real database (an H2 file in a fresh
 * directory, or a fresh schema on PostgreSQL with {@code -Ppostgres}: see {@link TestDatabase}), with the reference
 * deliberation loaded at start, spoken to over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class LedgerHttp {
    protected static final Map<String, String> STORE = TestDatabase.fresh("e2e");

    /** A configured user (password {@link Http#PASSWORD}) who takes part in no deliberation. */
    protected static final String OUTSIDER = "kimura";

    @DynamicPropertySource
    protected static void store(DynamicPropertyRegistry registry) {
        STORE.forEach((key, value) -> registry.add(key, () -> value));
        registry.add("shingi.security.users." + OUTSIDER + ".password",
                () -> "{bcrypt}" + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder().encode(Http.PASSWORD));
    }

    protected final HttpClient http = HttpClient.newHttpClient();
    protected final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected Ledger ledger;

    /** The reference deliberation is loaded at start, before any test; its projections may still be catching up. */
    @BeforeEach
    protected void projectionsCaughtUp() {
        assertThat(ledger.awaitProjections()).as("projections caught up").isTrue();
    }

    public record Reply(int status, String contentType, JsonNode body, String raw) {
    }

    /** Reads as the demo's secretary, a participant of every test deliberation. */
    protected Reply get(String path) {
        return getAs("sato", path);
    }

    protected Reply getAs(String user, String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
        if (user != null) {
            b.header("Authorization", basic(user));
        }
        return send(b.build());
    }

    protected static String basic(String user) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + Http.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** Writes go in as the demo's secretary (sato), who may record on members' behalf. */
    protected Reply post(String path, String body) {
        return postAs("sato", path, body, "application/json");
    }

    protected Reply post(String path, String body, String contentType) {
        return postAs("sato", path, body, contentType);
    }

    /** Opening deliberations and registering participants is the admin's. */
    protected Reply admin(String path, String body) {
        return postAs("admin", path, body, "application/json");
    }

    protected Reply postAs(String user, String path, String body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (user != null) {
            b.header("Authorization", basic(user));
        }
        return send(b.build());
    }

    /** Events stored by commands ({@link StoredEvents#byCommands}). */
    protected long storedEvents() {
        return StoredEvents.byCommands(jdbc);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    protected Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String raw = r.body();
            JsonNode body = raw == null || raw.isBlank() ? null : json.readTree(raw);
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), body, raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
