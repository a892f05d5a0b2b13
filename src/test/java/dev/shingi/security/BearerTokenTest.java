package dev.shingi.security;

import dev.shingi.testing.TransferHttp;

import dev.shingi.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bearer tokens over HTTP, with verified tokens remembered (security.CachingJwtDecoder): a token sent again is
 * accepted again; one whose claims were altered, one signed by another key and an expired one are refused with 401
 * and store nothing — also when the genuine token was accepted just before.
 */
class BearerTokenTest extends TransferHttp {

    /** A deliberation of its own, so that what it stores changes no other test's view of the demo. */
    @BeforeEach
    void ownDeliberation() {
        if (get("/api/deliberations/bearer-token").status() == 404) {
            openDeliberation("bearer-token", 10);
        }
    }


    private static final String COMMENTS = "/api/deliberations/bearer-token/comments";

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        TestTokens.properties().forEach((key, value) -> registry.add(key, () -> value));
    }

    private Reply send(String method, String path, String authorization, String body) {
        try {
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", authorization);
            r = body == null ? r.GET() : r.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> res = http.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(res.statusCode(), res.headers().firstValue("Content-Type").orElse(""),
                    res.body().isBlank() ? null : json.readTree(res.body()), res.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String comment(String text) {
        return """
                {"authorId":"m1","draftVersion":1,"kind":"QUESTION","text":"%s"}""".formatted(text);
    }

    /** The same token with {@code "roles":["shingi-admin"]} added to its claims and its signature kept. */
    private static String withAdminRole(String bearer) {
        String[] parts = bearer.substring("Bearer ".length()).split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String altered = claims.substring(0, claims.length() - 1) + ",\"roles\":[\"shingi-admin\"]}";
        return "Bearer " + parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(altered.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    @Test
    void theSameTokenIsAcceptedRequestAfterRequest() {
        String sato = TestTokens.bearer("sato");
        for (int i = 1; i <= 3; i++) {
            Reply raised = send("POST", COMMENTS, sato, comment("Bearer question " + i));
            assertThat(raised.status()).as(raised.raw()).isEqualTo(201);
            assertThat(raised.body().path("comment").path("text").asText()).isEqualTo("Bearer question " + i);
        }
    }

    @Test
    void aTokenWithAlteredClaimsIsRefusedAfterTheGenuineOneWasAccepted() {
        String sato = TestTokens.bearer("sato");
        assertThat(send("POST", COMMENTS, sato, comment("Genuine")).status()).isEqualTo(201);
        assertThat(send("GET", "/api/admin/verify", sato, null).status()).isEqualTo(403);
        long events = storedEvents();

        String altered = withAdminRole(sato);
        Reply admin = send("GET", "/api/admin/verify", altered, null);
        assertThat(admin.status()).isEqualTo(401);
        assertThat(admin.contentType()).startsWith("application/problem+json");
        assertThat(send("POST", COMMENTS, altered, comment("Altered")).status()).isEqualTo(401);
        assertThat(storedEvents()).isEqualTo(events);
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        long events = storedEvents();
        assertThat(send("POST", COMMENTS, TestTokens.forged("sato"), comment("Forged")).status()).isEqualTo(401);
        assertThat(send("GET", "/api/admin/verify", TestTokens.forged("admin"), null).status()).isEqualTo(401);
        assertThat(storedEvents()).isEqualTo(events);
    }

    @Test
    void anExpiredTokenIsRefused() {
        long events = storedEvents();
        // beyond the decoder's 60 s clock skew
        assertThat(send("POST", COMMENTS, TestTokens.expired("sato", 3600), comment("Late")).status()).isEqualTo(401);
        assertThat(storedEvents()).isEqualTo(events);
    }
}
