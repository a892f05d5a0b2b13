package dev.shingi.admin;

import dev.shingi.testing.Http;
import dev.shingi.ShingiApplication;
import dev.shingi.demo.ReferenceDeliberation;
import dev.shingi.platform.ReadModelRebuild;
import dev.shingi.testing.HeldBulkReplay;
import dev.shingi.testing.Nodes;
import dev.shingi.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While the views are rebuilt from the log, what readers get may be incomplete, and they are told so: every page in
 * a notice, in the reader's language, with the rebuild's progress; every API answer in the {@code Shingi-Rebuilding}
 * header; a write is stored and answers 202 with where to read it. Over real HTTP, on the demo, with the bulk
 * replay held half-way ({@link HeldBulkReplay}).
 */
class RebuildUnderWayTest {
    static final String PAGE = "/deliberations/" + ReferenceDeliberation.ID;
    static final String API = "/api/deliberations/" + ReferenceDeliberation.ID + "/outstanding";

    final HttpClient client = HttpClient.newHttpClient();
    int port;

    @Test
    void pagesAndApiSayWhileTheViewsAreBeingRebuilt() throws Exception {
        Map<String, String> properties = new LinkedHashMap<>(TestDatabase.fresh("rebuild_notice"));
        properties.put("logging.level.root", "WARN");
        try (ConfigurableApplicationContext node = new SpringApplicationBuilder(ShingiApplication.class,
                HeldBulkReplay.class).profiles(TestDatabase.profiles())
                .run(Nodes.arguments(properties, "server.port", "0"))) {
            port = Integer.parseInt(node.getEnvironment().getRequiredProperty("local.server.port"));
            Nodes.awaitCaughtUp(node);
            Rebuild rebuild = node.getBean(Rebuild.class);

            assertThat(get(PAGE + "?lang=en").body()).doesNotContain("being rebuilt");
            assertThat(get("/?lang=en").body()).doesNotContain("being rebuilt");
            assertThat(get(API).headers().firstValue(ReadModelRebuild.HEADER)).isEmpty();

            HeldBulkReplay.arm();
            long total;
            try {
                total = rebuild.start().eventsTotal();
                assertThat(HeldBulkReplay.awaitHeld()).as("the bulk replay began").isTrue();

                String notice = "The views are being rebuilt from the event log (0 of " + total
                        + " events): until that is done, this page may show less than has been recorded.";
                HttpResponse<String> home = get("/?lang=en");
                assertThat(home.statusCode()).isEqualTo(200);
                assertThat(home.body()).contains(notice);
                assertThat(get("/?lang=ja").body()).contains("ビューをイベントログから再構築しています（" + total + " 件中 0 件）");
                // the views were emptied for the rebuild: the deliberation is not there yet, and its page says why
                HttpResponse<String> dashboard = get(PAGE + "?lang=en");
                assertThat(dashboard.statusCode()).isEqualTo(404);
                assertThat(dashboard.body()).contains(notice);
                HttpResponse<String> api = get(API);
                assertThat(api.statusCode()).isEqualTo(404);
                assertThat(api.headers().firstValue(ReadModelRebuild.HEADER)).contains("0/" + total);

                // a write is authorised against the write side and stored; its answer cannot be read back yet: 202
                HttpResponse<String> raised = post("/api/deliberations/" + ReferenceDeliberation.ID + "/comments",
                        "{\"commentId\":\"during-rebuild\",\"authorId\":\"tsuta\",\"draftVersion\":1,"
                                + "\"kind\":\"QUESTION\",\"text\":\"Raised while the views are rebuilt\"}");
                assertThat(raised.statusCode()).as(raised.body()).isEqualTo(202);
                assertThat(raised.headers().firstValue("Location")).contains("/api/comments/during-rebuild");
                assertThat(raised.headers().firstValue("Retry-After")).contains("30");
                assertThat(raised.headers().firstValue(ReadModelRebuild.HEADER)).contains("0/" + total);
                assertThat(raised.body()).contains("\"recorded\":true", "The views are being rebuilt from the event log");
            } finally {
                HeldBulkReplay.release();
            }
            Nodes.await("the rebuild to end", Duration.ofSeconds(60), () -> "DONE".equals(rebuild.progress().state()));

            HttpResponse<String> after = get(PAGE + "?lang=en");
            assertThat(after.statusCode()).isEqualTo(200);
            assertThat(after.body()).doesNotContain("being rebuilt");
            assertThat(get(API).headers().firstValue(ReadModelRebuild.HEADER)).isEmpty();
            HttpResponse<String> stored = get("/api/comments/during-rebuild");
            assertThat(stored.statusCode()).isEqualTo(200);
            assertThat(stored.body()).contains("Raised while the views are rebuilt");
        }
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (ReferenceDeliberation.SECRETARY + ":" + Http.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
