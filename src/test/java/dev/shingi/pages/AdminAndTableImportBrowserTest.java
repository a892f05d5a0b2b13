package dev.shingi.pages;

import dev.shingi.testing.Http;
import dev.shingi.testing.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The comment-table import and the administrator's verification in headless Chromium, in Japanese: a real file
 * chosen in the file input, the report read off the page, and a label on every control of both pages.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminAndTableImportBrowserTest extends BrowserTest {
    static final java.util.Map<String, String> STORE = TestDatabase.fresh("pages-admin-table");
    static final String ID = "iso-browser";

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        STORE.forEach((key, value) -> registry.add(key, () -> value));
    }

    @Test
    void theSecretariatUploadsATableAndTheAdministratorVerifiesTheLedgerInJapanese() throws Exception {
        created("admin", "/api/deliberations", "{\"deliberationId\":\"" + ID + "\",\"title\":\"Browser table\",\"body\":\"Test\"}");
        created("admin", "/api/deliberations/" + ID + "/participants",
                "{\"participantId\":\"sato\",\"name\":\"佐藤\",\"role\":\"SECRETARIAT\"}");
        created("admin", "/api/deliberations/" + ID + "/participants",
                "{\"participantId\":\"m1\",\"name\":\"新井\",\"role\":\"MEMBER\",\"affiliation\":\"JP\"}");
        created("admin", "/api/deliberations/" + ID + "/participants",
                "{\"participantId\":\"m2\",\"name\":\"Müller\",\"role\":\"MEMBER\",\"affiliation\":\"DE\"}");
        created("sato", "/api/deliberations/" + ID + "/drafts", "{\"version\":1,\"title\":\"Draft v1\",\"pageCount\":40}");
        Path table = Files.createTempFile("comments-", ".csv");
        try (var in = getClass().getResourceAsStream("/iso/comments-excel-utf8.csv")) {
            Files.write(table, in.readAllBytes());
        }

        Browser b = browser();
        b.logIn("sato", Http.PASSWORD);
        b.open("/deliberations/" + ID + "/import/table?lang=ja");
        assertThat(b.unlabelled()).as("controls without a label").isEmpty();
        b.find("#file").sendKeys(table.toString());
        b.clickAndWait("form.record button[type=submit]");
        assertThat(b.text("#report-title")).isEqualTo("意見表を取り込みました");
        assertThat(b.text("[data-count=recorded]")).isEqualTo("3");
        b.screenshot("import-table");

        b.logOut();
        b.logIn("admin", Http.PASSWORD);
        b.open("/admin?lang=ja");
        assertThat(b.unlabelled()).as("controls without a label").isEmpty();
        b.clickAndWait("#verify-button");
        assertThat(b.text("[data-verdict]")).startsWith("台帳に改ざんはありません。");
        assertThat(b.find("#verify-report").getAttribute("data-clean")).isEqualTo("true");
        assertThat(b.unlabelled()).as("controls without a label").isEmpty();
        b.screenshot("admin");
        Files.deleteIfExists(table);
    }

    private void created(String user, String path, String json) throws Exception {
        assertThat(api(user, path, json)).as(path).isEqualTo(201);
    }

    @Test
    void anInlineScriptIsRefusedByThePagesPolicyAndTheBrowserTestsSeeIt() {
        Browser b = browser();
        b.open("/login");
        b.script("var s = document.createElement('script'); s.textContent = 'window.ran = true;'; "
                + "document.body.appendChild(s);");
        assertThat(b.script("return window.ran === true;")).isEqualTo(false);
        assertThat(b.policyViolations()).anySatisfy(m -> assertThat(m).contains("script-src 'self'"));
    }
}
