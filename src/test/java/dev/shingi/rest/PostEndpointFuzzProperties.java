package dev.shingi.rest;

import dev.shingi.testing.Http;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shingi.ShingiApplication;
import dev.shingi.testing.StoredEvents;
import net.jqwik.api.*;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random JSON thrown at every POST endpoint of a running application (real HTTP, real H2 file): never a 5xx, and a
 * refused request never stores an event. Bodies mix the endpoints' real field names with junk, and values of every
 * JSON type, so that some requests get deep into validation and the command side.
 */
class PostEndpointFuzzProperties {

    static ConfigurableApplicationContext app;
    static int port;
    static JdbcTemplate jdbc;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();

    static final List<String> ENDPOINTS = List.of(
            "/api/deliberations", "/api/deliberations/ict-cyber-2024/participants",
            "/api/deliberations/ict-cyber-2024/meetings", "/api/deliberations/ict-cyber-2024/drafts",
            "/api/deliberations/ict-cyber-2024/visibility", "/api/deliberations/ict-cyber-2024/revisions",
            "/api/deliberations/ict-cyber-2024/comments", "/api/comments/ict-cyber-2024-c12/responses",
            "/api/comments/ict-cyber-2024-c12/acknowledgements", "/api/comments/ict-cyber-2024-c12/withdrawal",
            "/api/comments/ict-cyber-2024-c12/reopening", "/api/comments/ict-cyber-2024-c12/corrections",
            "/api/commitments/ict-cyber-2024-c12.1/conclusion", "/api/commitments/ict-cyber-2024-c12.1/waiver");

    static final List<String> FIELDS = List.of("deliberationId", "title", "body", "participantId", "name", "role",
            "organisation", "meetingId", "number", "startsAt", "endsAt", "venue", "attendeeIds", "materials", "version",
            "materialNumber", "pageCount", "publiclyReadable", "commentId", "authorId", "draftVersion", "anchor",
            "pageFrom", "pageTo", "footnote", "section", "kind", "text", "responseId", "responderId", "disposition",
            "commitments", "description", "dueDate", "satisfied", "note", "reason", "outcome", "summary", "changes",
            "fulfils", "commitment", "committedBy", "illustrative", "occurredAt", "recordOccurredAt", "correctedBy",
            "x-junk", "", "\u0000", "💥");

    @BeforeContainer
    static void start() throws Exception {
        app = new SpringApplicationBuilder(ShingiApplication.class).run("--server.port=0",
                "--shingi.data-dir=" + Files.createTempDirectory("shingi-fuzz-"), "--logging.level.root=WARN");
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        jdbc = app.getBean(JdbcTemplate.class);
    }

    @AfterContainer
    static void stop() {
        app.close();
    }

    @Provide
    Arbitrary<Object> jsonValues() {
        Arbitrary<Object> scalar = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30).map(s -> (Object) s),
                Arbitraries.of("ict-cyber-2024", "sato", "tsuta", "SECRETARIAT", "ACCEPTED", "CONSIDER", "#5.1",
                        "2024-06-24T14:00+09:00", "2024-06-24T14:00", "2999-01-01T00:00Z", "1").map(s -> (Object) s),
                Arbitraries.integers().between(-5, 100).map(i -> (Object) i),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null));
        // two levels of nesting are enough to reach anchors, commitments and fulfilments
        Arbitrary<Object> nested = Arbitraries.oneOf(scalar,
                scalar.list().ofMaxSize(3).map(l -> (Object) l),
                Arbitraries.maps(Arbitraries.of(FIELDS), scalar).ofMaxSize(4).map(m -> (Object) m));
        return Arbitraries.oneOf(scalar, scalar,
                nested.list().ofMaxSize(3).map(l -> (Object) l),
                Arbitraries.maps(Arbitraries.of(FIELDS), nested).ofMaxSize(4).map(m -> (Object) m));
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> structured = Arbitraries.maps(Arbitraries.of(FIELDS), jsonValues()).ofMaxSize(8)
                .map(m -> {
                    try {
                        return json.writeValueAsString(m);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        Arbitrary<String> raw = Arbitraries.strings().ofMaxLength(40);
        return Arbitraries.frequencyOf(Tuple.of(8, structured), Tuple.of(1, raw),
                Tuple.of(1, jsonValues().map(v -> String.valueOf(v))));
    }

    @Property(tries = 300)
    void randomJsonNeverBreaksTheServerNorStoresWhenRefused(@ForAll("bodies") String body,
                                                            @ForAll("endpoints") String endpoint,
                                                            @ForAll("callers") String caller) throws Exception {
        long before = events();
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + endpoint))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (!caller.isEmpty()) {
            r.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((caller + ":" + Http.PASSWORD).getBytes()));
        }
        HttpResponse<String> response = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(endpoint + " " + body + " -> " + response.body()).isLessThan(500);
        if (response.statusCode() >= 400) {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(events()).as("refused, so nothing stored: " + endpoint + " " + body).isEqualTo(before);
        }
    }

    @Provide
    Arbitrary<String> endpoints() {
        return Arbitraries.of(ENDPOINTS);
    }

    @Provide
    Arbitrary<String> callers() {
        return Arbitraries.of("sato", "admin", "tsuta", "");
    }

    private static long events() {
        return StoredEvents.byCommands(jdbc);
    }
}
