package dev.shingi.admin;

import dev.shingi.pages.PageReader;
import dev.shingi.testing.LedgerHttp;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** /admin over plain HTTP: who may open it, the backup through the page's own session, the verification in Japanese. */
class AdminPageTest extends LedgerHttp {

    @Test
    void theAdministratorDownloadsTheBackupTheApiExportsThroughThePageSession() throws Exception {
        PageReader admin = new PageReader(port).signedInAs("admin");
        PageReader.Page page = admin.get("/admin");
        assertThat(page.status()).isEqualTo(200);
        String href = page.html().select("a#export").attr("href");
        assertThat(href).isEqualTo("/api/admin/export");
        // the page's cookie alone, no Authorization header
        HttpResponse<String> viaPage = admin.client.send(HttpRequest.newBuilder(admin.uri(href)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(viaPage.statusCode()).isEqualTo(200);
        assertThat(viaPage.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment; filename=\"shingi-ledger-");
        String api = getAs("admin", "/api/admin/export").raw();
        var apiHeader = json.readTree(api.substring(0, api.indexOf('\n')));
        var pageHeader = json.readTree(viaPage.body().substring(0, viaPage.body().indexOf('\n')));
        assertThat(pageHeader.get("format").asText()).isNotBlank().isEqualTo(apiHeader.get("format").asText());
        assertThat(viaPage.body().lines().count()).isGreaterThan(2);
        // without a session the export is refused
        HttpResponse<String> anonymous = new PageReader(port).client.send(HttpRequest.newBuilder(admin.uri(href)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void membersAndTheSecretaryGetTheForbiddenPageAndAnonymousReadersSignIn() {
        for (String user : new String[]{"tsuta", "sato"}) {
            PageReader reader = new PageReader(port).signedInAs(user);
            assertThat(reader.get("/admin").status()).as(user).isEqualTo(403);
            assertThat(reader.get("/admin/verify").status()).as(user).isEqualTo(403);
            assertThat(reader.submit("/", "/admin/rebuild", java.util.Map.of()).status()).as(user).isEqualTo(403);
        }
        PageReader anonymous = new PageReader(port);
        PageReader.Page signIn = anonymous.get("/admin");
        assertThat(signIn.status()).isEqualTo(302);
        assertThat(signIn.location()).isEqualTo("/login");
    }

    @Test
    void theVerificationSaysInJapaneseThatTheLedgerIsIntact() {
        PageReader admin = new PageReader(port).signedInAs("admin");
        admin.language = "ja";
        // counted first: the ledger only grows, so the verification checks at least these
        long events = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
        PageReader.Page page = admin.get("/admin/verify");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text("[data-verdict]")).isEqualTo("台帳に改ざんはありません。すべてのイベントがハッシュと連鎖上の位置に"
                + "一致し、チェックポイントに欠けもありません。");
        assertThat(page.html().select("#verify-report").attr("data-clean")).isEqualTo("true");
        assertThat(Long.parseLong(page.text("[data-count=events]"))).isGreaterThanOrEqualTo(events);
        assertThat(page.raw()).contains("検証したイベント数").doesNotContain("Events checked");
    }
}
