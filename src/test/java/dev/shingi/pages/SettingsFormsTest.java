package dev.shingi.pages;

import dev.shingi.pages.PageReader.Page;
import dev.shingi.testing.LedgerHttp;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deliberation's settings ({@code /deliberations/{id}/settings}): its details, read-only, and who may read it,
 * changed by the secretariat with the SetVisibility command; afterwards the pages' readers are let in or sent to sign
 * in accordingly. On a deliberation of its own.
 */
class SettingsFormsTest extends LedgerHttp {

    PageReader reader() {
        return new PageReader(port);
    }

    @Test
    void theSecretariatMakesADeliberationMembersOnlyAndAnAnonymousReaderIsThenAskedToSignIn() {
        String id = MeetingFormsTest.openDeliberation(this::admin, "settings");
        String base = "/deliberations/" + id;
        String settings = base + "/settings";
        assertThat(post("/api/deliberations/" + id + "/visibility", """
                {"publiclyReadable":true}""").status()).isEqualTo(200);
        assertThat(reader().get(base).status()).isEqualTo(200);

        // the secretariat's only, as the API's
        assertThat(reader().get(settings).location()).endsWith("/login");
        PageReader tsuta = reader().signedInAs("tsuta");
        assertThat(tsuta.get(settings).status()).isEqualTo(403);
        assertThat(tsuta.get(base).html().select("a[href=" + settings + "]")).isEmpty();
        PageReader sato = reader().signedInAs("sato");
        assertThat(sato.get(base).html().select("a[href=" + settings + "]").text()).isEqualTo("Settings");

        Page page = sato.get(settings);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text("[data-setting=id]")).isEqualTo(id);
        assertThat(page.text("[data-setting=title]")).isEqualTo("地域防災計画（素案）");
        assertThat(page.text("[data-setting=body]")).isEqualTo("市防災会議");
        assertThat(page.text("[data-setting=openedAt]")).contains("2024-06-01");
        assertThat(page.text("[data-setting=zone]")).isEqualTo("JST");
        assertThat(page.text("[data-setting=visibility]")).isEqualTo("Anyone");
        assertThat(page.html().select("input[name=publiclyReadable][checked]").val()).isEqualTo("true");
        assertThat(page.html().select("input[name=title], input[name=body], textarea")).isEmpty();

        // a bad time is refused beside its field, nothing stored
        long stored = storedEvents();
        Page bad = sato.submit(settings, settings, Map.of("publiclyReadable", "false", "occurredAt", "2099-01-01T00:00"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.html().select("[data-error-for=occurredAt]")).hasSize(1);
        assertThat(storedEvents()).isEqualTo(stored);

        Page changed = sato.submit(settings, settings, Map.of("publiclyReadable", "false", "occurredAt", ""));
        assertThat(changed.status()).isEqualTo(302);
        assertThat(changed.location()).isEqualTo(settings);
        Page after = sato.get(settings);
        assertThat(after.text(".notice")).isEqualTo("The deliberation is now readable by its members only.");
        assertThat(after.text("[data-setting=visibility]")).isEqualTo("Members only");

        // now: an anonymous reader is sent to sign in, a member still reads it
        assertThat(reader().get(base).location()).endsWith("/login");
        assertThat(tsuta.get(base).status()).isEqualTo(200);

        // in Japanese
        sato.language = "ja";
        Page ja = sato.get(settings);
        assertThat(ja.text("h1")).isEqualTo("設定");
        assertThat(ja.text("[data-setting=visibility]")).isEqualTo("出席者のみ");
        Page open = sato.submit(settings, settings, Map.of("publiclyReadable", "true", "occurredAt", ""));
        assertThat(sato.get(open.location()).text(".notice")).isEqualTo("この審議はだれでも閲覧できるようになりました。");
        assertThat(reader().get(base).status()).isEqualTo(200);
    }
}
