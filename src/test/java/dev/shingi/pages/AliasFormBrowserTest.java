package dev.shingi.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shingi.testing.Http;
import dev.shingi.testing.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The participants page's alias form in headless Chromium, in Japanese: the secretary gives Thomas Schmidt the alias
 * 'TS', then imports a table whose commenter is written 'TS' on the import page: the comments are his, and no new
 * commenter is registered.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AliasFormBrowserTest extends BrowserTest {
    static final java.util.Map<String, String> STORE = TestDatabase.fresh("pages-alias-form");
    static final String ID = "alias-browser";
    static final String CSV = "MB/NC,Line number,Clause/Subclause,Paragraph/Figure/Table,Type of comment,Comments,"
            + "Proposed change,Observations of the secretariat\r\n"
            + "TS,,5,,te,Clause 5 needs a definition,,\r\n";

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        STORE.forEach((key, value) -> registry.add(key, () -> value));
    }

    @Test
    void anAliasAddedOnTheParticipantsPageAttributesATablesRowToTheParticipant() throws Exception {
        created("admin", "/api/deliberations", "{\"deliberationId\":\"" + ID + "\",\"title\":\"Aliases\",\"body\":\"Test\"}");
        created("admin", "/api/deliberations/" + ID + "/participants",
                "{\"participantId\":\"sato\",\"name\":\"佐藤\",\"role\":\"SECRETARIAT\"}");
        created("admin", "/api/deliberations/" + ID + "/participants",
                "{\"participantId\":\"schmidt\",\"name\":\"Thomas Schmidt\",\"role\":\"MEMBER\",\"affiliation\":\"DIN\"}");
        created("sato", "/api/deliberations/" + ID + "/drafts", "{\"version\":1,\"title\":\"Draft v1\"}");

        Browser b = browser();
        b.logIn("sato", Http.PASSWORD);
        b.open("/deliberations/" + ID + "/participants?lang=ja");
        assertThat(b.unlabelled()).as("controls without a label").isEmpty();
        b.select("#alias-participant", "schmidt");
        b.type("#alias", "TS");
        b.clickAndWait("#alias-form button[type=submit]");
        assertThat(get("/api/deliberations/" + ID).get("aliases").toString())
                .contains("\"participantId\":\"schmidt\",\"alias\":\"TS\"");
        b.open("/deliberations/" + ID + "/participants?lang=ja");
        assertThat(b.text("[data-participant=schmidt] td.aliases")).isEqualTo("TS");

        Path table = Files.createTempFile("alias-", ".csv");
        Files.writeString(table, CSV, StandardCharsets.UTF_8);
        try {
            b.open("/deliberations/" + ID + "/import/table?lang=ja");
            b.find("#file").sendKeys(table.toString());
            b.clickAndWait("form.record button[type=submit]");
            assertThat(b.text("#report-title")).isEqualTo("意見表を取り込みました");
            assertThat(b.text("[data-count=recorded]")).isEqualTo("1");
            assertThat(b.text("[data-count=new-commenters]")).isEqualTo("0");
            assertThat(b.text("[data-list=commenters]")).isEqualTo("Thomas Schmidt");
        } finally {
            Files.deleteIfExists(table);
        }
        JsonNode comments = get("/api/deliberations/" + ID + "/comments");
        assertThat(comments).hasSize(1);
        assertThat(comments.get(0).get("author").get("id").asText()).isEqualTo("schmidt");
        assertThat(get("/api/deliberations/" + ID).get("participants")).hasSize(2);
    }

    private void created(String user, String path, String json) throws Exception {
        assertThat(api(user, path, json)).as(path).isEqualTo(201);
    }

    private JsonNode get(String path) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("sato:" + Http.PASSWORD)
                        .getBytes(StandardCharsets.UTF_8))).GET().build();
        return new ObjectMapper().readTree(HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString()).body());
    }
}
