package dev.shingi.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A small JSON-over-HTTP client for tests and the load harness, on loopback only. */
public final class Http {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Test and load clients sign in with bearer tokens ({@link TestTokens}): an admin opens deliberations and registers
     * people; {@link #CLERK}, registered as the secretariat of each test deliberation, records everything else, on
     * the members' behalf too, as a secretariat transcribing minutes does.
     */
    public static final String CLERK = "clerk";
    public static final String ADMIN = "admin";
    /**
     * The password of the tests' sato, tsuta, goto, nisc and admin (src/test/resources/application-test.yml, profile
     * {@code test}): the names of the demo accounts, never their password "demo", which the test profile refuses.
     */
    public static final String PASSWORD = "shingi-test-7Kq2";

    private final HttpClient client;
    private final String base;
    private final String authorization;

    public Http(HttpClient client, String base, String authorization) {
        this.client = client;
        this.base = base;
        this.authorization = authorization;
    }

    /** As the clerk (bearer token). */
    public static Http localhost(int port) {
        return new Http(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                "http://127.0.0.1:" + port, TestTokens.bearer(CLERK));
    }

    /** The same server, as an admin (bearer token). */
    public Http asAdmin() {
        return new Http(client, base, TestTokens.bearer("test-admin", true));
    }

    /** The same server, signed in as one of the tests' accounts (HTTP Basic, {@link #PASSWORD}). */
    public Http as(String demoUser) {
        return new Http(client, base, "Basic " + java.util.Base64.getEncoder()
                .encodeToString((demoUser + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    /** The application properties the clerk's sign-in needs. */
    public static java.util.Map<String, String> clerkProperties() {
        return TestTokens.properties();
    }

    public record Reply(int status, JsonNode body, String raw) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** GET; an {@link IOException} (refused, reset) is thrown as is, so callers can tell "no answer" apart. */
    public Reply get(String path) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).GET().build());
    }

    public Reply post(String path, String json) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    public Reply getOrFail(String path) {
        try {
            return get(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Reply postOrFail(String path, String json) {
        try {
            return post(path, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Reply send(HttpRequest request) throws IOException {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String raw = r.body();
            JsonNode body = null;
            if (raw != null && !raw.isBlank() && (raw.startsWith("{") || raw.startsWith("["))) {
                body = JSON.readTree(raw);
            }
            return new Reply(r.statusCode(), body, raw);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    public static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
