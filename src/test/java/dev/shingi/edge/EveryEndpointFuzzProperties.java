package dev.shingi.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shingi.ShingiApplication;
import dev.shingi.edge.Endpoints.Endpoint;
import dev.shingi.pages.PageReader;
import dev.shingi.platform.Ledger;
import dev.shingi.testing.Nodes;
import dev.shingi.testing.StoredEvents;
import dev.shingi.testing.TestDatabase;
import dev.shingi.testing.TestTokens;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated bad requests against every endpoint and page of a running application (real HTTP, on the build's
 * database: an H2 file, or PostgreSQL with {@code -Ppostgres}), with the reference deliberation seeded. The endpoints
 * are read from Spring's handler mapping when the test runs, so a new one is fuzzed without being listed here, and
 * the property fails if any endpoint was not sent a request. Each request: bad path variables, query parameters,
 * bodies, content types and methods, as nobody, the secretary or a member (the API also as an administrator; the
 * pages with the caller's session and CSRF token). What must hold for every one:
 * <ul>
 *   <li>never a 5xx;</li>
 *   <li>a 4xx of the JSON API is {@code application/problem+json}, and a 400 names the field, parameter or rule;</li>
 *   <li>a refused request (4xx), and any GET, stores nothing: the event log has as many rows after as before.</li>
 * </ul>
 * {@code ./mvnw -B -o -q test -Dtest='EveryEndpointFuzzProperties'} (docs/security.md has the figures).
 */
class EveryEndpointFuzzProperties {
    static final int TRIES = 2_500;

    static ConfigurableApplicationContext app;
    static String base;
    static JdbcTemplate jdbc;
    static Endpoints endpoints;
    static final HttpClient api = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final Map<String, PageReader> sessions = new HashMap<>();
    static final Map<String, String> tokens = new HashMap<>();
    static final ObjectMapper json = new ObjectMapper();

    static final Map<String, AtomicInteger> sentTo = new ConcurrentHashMap<>();
    static final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    static final Map<String, String> accepted = new LinkedHashMap<>();
    static final AtomicInteger sent = new AtomicInteger();
    static final List<String> broken = new ArrayList<>();
    static final TreeMap<Long, String> slowest = new TreeMap<>();
    static long stored;
    static long startedAt;

    @BeforeContainer
    static void start() {
        startedAt = System.nanoTime();
        Map<String, String> properties = new LinkedHashMap<>(TestDatabase.fresh("fuzz"));
        TestTokens.properties().forEach((k, v) -> properties.put(k, String.valueOf(v)));
        properties.put("logging.level.root", "WARN");
        // as arguments, which outrank application.yml (its port 8080 and ./data), not as default properties
        app = new SpringApplicationBuilder(ShingiApplication.class).profiles(TestDatabase.profiles())
                .run(Nodes.arguments(properties, "server.port", "0"));
        base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        jdbc = app.getBean(JdbcTemplate.class);
        assertThat(app.getBean(Ledger.class).awaitProjections()).as("the reference deliberation is seeded").isTrue();
        endpoints = Endpoints.of(app);
        for (String user : List.of("sato", "tsuta")) {
            PageReader reader = new PageReader(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
            reader.signedInAs(user);
            String token = reader.get("/deliberations/" + BadValues.DELIBERATION + "/comments/new").html()
                    .select("input[name=_csrf]").val();
            assertThat(token).as("a CSRF token for " + user).isNotBlank();
            sessions.put(user, reader);
            tokens.put(user, token);
        }
        stored = StoredEvents.byCommands(jdbc);
    }

    @AfterContainer
    static void stop() {
        System.out.printf("[fuzz] %s: %d requests to %d of %d endpoints in %d s; statuses %s; accepted writes %d; broken %d%n",
                TestDatabase.name(), sent.get(), sentTo.size(), endpoints == null ? 0 : endpoints.all().size(),
                (System.nanoTime() - startedAt) / 1_000_000_000, new TreeMap<>(statuses), accepted.size(), broken.size());
        slowest.descendingMap().forEach((nanos, request) -> System.out.printf("[fuzz] slow: %d ms %s%n", nanos / 1_000_000,
                abbreviated(request)));
        broken.forEach(b -> System.out.println("[fuzz] broken: " + b));
        accepted.forEach((request, answer) -> System.out.println("[fuzz] accepted: " + request + " -> " + answer));
        if (app != null) {
            app.close();
        }
    }

    @Provide
    Arbitrary<FuzzedRequest> requests() {
        return Arbitraries.of(endpoints.all()).flatMap(FuzzedRequest::to);
    }

    /**
     * Each try sends one request and notes what it broke; the property fails after the last try with every broken
     * request listed (a run names all its defects at once, and a request is its own reproduction: no shrinking).
     */
    @Property(tries = TRIES, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE,
            generation = GenerationMode.RANDOMIZED)
    void noInputGetsA5xxOrStoresAnythingWhenRefused(@ForAll("requests") FuzzedRequest r) {
        sent.incrementAndGet();
        try {
            check(r);
        } catch (Exception e) {
            // a try that throws would end the property there (jqwik stops at the first failing try): noted instead,
            // and the count taken again, so what this request stored is not charged to the next one
            broken.add("the test could not complete the request (" + e + "): " + r);
            stored = StoredEvents.byCommands(jdbc);
        }
    }

    private void check(FuzzedRequest r) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = send(r);
        long took = System.nanoTime() - started;
        int status = response.statusCode();
        sentTo.computeIfAbsent(r.endpoint().toString(), k -> new AtomicInteger()).incrementAndGet();
        statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
        String seen = r + " -> " + status + " " + response.headers().firstValue("Content-Type").orElse("") + " "
                + abbreviated(response.body());
        slowest.put(took, seen);
        if (slowest.size() > 5) {
            slowest.pollFirstEntry();
        }
        if (status >= 500) {
            broken.add("a 5xx: " + seen);
        }
        if (!r.endpoint().page() && status >= 400) {
            if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                broken.add("not a problem detail: " + seen);
            } else {
                JsonNode problem = json.readTree(response.body());
                if (problem.path("type").asText().isBlank()) {
                    broken.add("a problem without a type: " + seen);
                } else if (status == 400 && named(problem).isBlank()) {
                    broken.add("a 400 naming no field, parameter or rule: " + seen);
                }
            }
        }
        // one count per request: the count after this one is the count before the next
        long after = StoredEvents.byCommands(jdbc);
        if (status >= 400 || r.method().equals("GET")) {
            if (after != stored) {
                broken.add("stored " + (after - stored) + " events though refused or a read: " + seen);
            }
        } else if (after != stored) {
            accepted.put(r.toString(), status + " " + abbreviated(response.body()));
        }
        stored = after;
    }

    /** Nothing broke, and every endpoint the application serves was sent requests: a new one cannot be left out. */
    @AfterProperty
    void nothingBrokeAndEveryEndpointWasFuzzed() {
        assertThat(broken).as("requests that broke a rule (%d of %d)", broken.size(), sent.get()).isEmpty();
        assertThat(sent.get()).as("requests sent").isEqualTo(TRIES);
        assertThat(endpoints.all()).as("endpoints found in the handler mapping").hasSizeGreaterThan(60);
        List<String> missed = endpoints.all().stream().map(Endpoint::toString).filter(e -> !sentTo.containsKey(e)).toList();
        assertThat(missed).as("endpoints sent no request").isEmpty();
    }

    /** The field, parameter or rule a problem names. */
    static String named(JsonNode problem) {
        StringBuilder s = new StringBuilder(problem.path("rule").asText("") + problem.path("field").asText("")
                + problem.path("parameter").asText(""));
        problem.path("errors").forEach(e -> s.append(e.path("field").asText("")));
        return s.toString();
    }

    private static HttpResponse<String> send(FuzzedRequest r) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + r.path() + r.query()))
                .timeout(Duration.ofSeconds(60));
        String token = tokens.get(r.caller());
        byte[] bytes = r.bytes(token);
        if (r.body() != null && r.body().contentType() != null) {
            b.header("Content-Type", r.body().contentType());
        }
        b.method(r.method(), r.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes));
        HttpClient client = api;
        if (r.endpoint().page()) {
            if (!r.caller().isEmpty()) {
                client = sessions.get(r.caller()).client;
                if (r.csrf() == FuzzedRequest.Csrf.VALID) {
                    b.header("X-CSRF-TOKEN", token);
                }
            }
        } else if (!r.caller().isEmpty()) {
            b.header("Authorization", TestTokens.bearer(r.caller(), r.caller().equals(FuzzedRequest.ADMIN)));
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String abbreviated(String s) {
        return s == null ? "" : s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }
}
