package dev.shingi.pages;

import dev.shingi.testing.Http;
import dev.shingi.pages.PageReader.Page;
import dev.shingi.testing.LedgerHttp;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The sign-in page is the pages' own, in the reader's language, and Spring Security still decides who gets in. */
class SignInPageTest extends LedgerHttp {

    @Test
    void aWrongPasswordComesBackInJapaneseAndTheRightOneSignsIn() {
        PageReader reader = new PageReader(port);
        reader.language = "ja";
        Page form = reader.get("/login");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.text("h1")).isEqualTo("サインイン");
        assertThat(form.html().select("label[for=username]").text()).isEqualTo("ユーザー名");
        assertThat(form.html().select("form input[name=_csrf]")).hasSize(1);

        Page wrong = reader.submit("/login", "/login", Map.of("username", "sato", "password", "wrong"));
        assertThat(wrong.status()).isEqualTo(302);
        assertThat(wrong.location()).isEqualTo("/login?error");
        assertThat(reader.get("/login?error").text("[role=alert]")).isEqualTo("ユーザー名またはパスワードが正しくありません。");

        Page right = reader.submit("/login", "/login", Map.of("username", "sato", "password", Http.PASSWORD));
        assertThat(right.status()).isEqualTo(302);
        assertThat(right.location()).isEqualTo("/");
        assertThat(reader.get("/").html().select(".account").text()).contains("sato");

        reader.language = "en";
        assertThat(reader.get("/login?logout").text("[role=status]")).isEqualTo("You are signed out.");
    }
}
