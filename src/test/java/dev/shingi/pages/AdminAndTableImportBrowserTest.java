package dev.shingi.pages;

import dev.shingi.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The comment-table import and the administrator's verification in headless Chromium, in Japanese: a real file
 * chosen in the file input, the report read off the page, and a label on every control of both pages.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminAndTableImportBrowserTest {
    static final java.util.Map<String, String> STORE = TestDatabase.fresh("pages-admin-table");
    static final String ID = "iso-browser";

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        STORE.forEach((key, value) -> registry.add(key, () -> value));
    }

    static Browser browser;

    @LocalServerPort
    int port;

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theSecretariatUploadsATableAndTheAdministratorVerifiesTheLedgerInJapanese() throws Exception {
        api("admin", "/api/deliberations", "{\"deliberationId\":\"" + ID + "\",\"title\":\"Browser table\",\"body\":\"Test\"}");
        api("admin", "/api/deliberations/" + ID + "/participants",
                "{\"participantId\":\"sato\",\"name\":\"佐藤\",\"role\":\"SECRETARIAT\"}");
        api("admin", "/api/deliberations/" + ID + "/participants",
                "{\"participantId\":\"m1\",\"name\":\"新井\",\"role\":\"MEMBER\",\"affiliation\":\"JP\"}");
        api("admin", "/api/deliberations/" + ID + "/participants",
                "{\"participantId\":\"m2\",\"name\":\"Müller\",\"role\":\"MEMBER\",\"affiliation\":\"DE\"}");
        api("sato", "/api/deliberations/" + ID + "/drafts", "{\"version\":1,\"title\":\"Draft v1\",\"pageCount\":40}");
        Path table = Files.createTempFile("comments-", ".csv");
        try (var in = getClass().getResourceAsStream("/iso/comments-excel-utf8.csv")) {
            Files.write(table, in.readAllBytes());
        }

        browser = new Browser("http://localhost:" + port);
        Browser b = browser;
        b.logIn("sato", "demo");
        b.open("/deliberations/" + ID + "/import/table?lang=ja");
        assertThat(unlabelled(b)).as("controls without a label").isEmpty();
        b.find("#file").sendKeys(table.toString());
        b.clickAndWait("form.record button[type=submit]");
        assertThat(b.text("#report-title")).isEqualTo("意見表を取り込みました");
        assertThat(b.text("[data-count=recorded]")).isEqualTo("3");
        b.screenshot("import-table");

        b.logOut();
        b.logIn("admin", "demo");
        b.open("/admin?lang=ja");
        assertThat(unlabelled(b)).as("controls without a label").isEmpty();
        b.clickAndWait("#verify-button");
        assertThat(b.text("[data-verdict]")).startsWith("台帳に改ざんはありません。");
        assertThat(b.find("#verify-report").getAttribute("data-clean")).isEqualTo("true");
        assertThat(unlabelled(b)).as("controls without a label").isEmpty();
        b.screenshot("admin");
        Files.deleteIfExists(table);
    }

    @SuppressWarnings("unchecked")
    private static List<String> unlabelled(Browser b) {
        return (List<String>) b.script("""
                return [...document.querySelectorAll('input, select, textarea, progress')]
                  .filter(e => e.type !== 'hidden' && !e.hidden && e.getAttribute('aria-hidden') !== 'true')
                  .filter(e => e.labels.length === 0 && !e.getAttribute('aria-label'))
                  .map(e => e.name || e.id || e.tagName);""");
    }

    private void api(String user, String path, String json) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + path)).header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
                        .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
    }
}
