package dev.shingi.pages;

import dev.shingi.testing.Http;
import dev.shingi.testing.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secretariat corrects a record and reopens a comment in a real browser, in Japanese: every control labelled in
 * both languages, both pages fit a phone, and what was done shows on the thread. On a store of its own, with the demo.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CorrectionPagesBrowserTest extends BrowserTest {
    static final Map<String, String> STORE = TestDatabase.fresh("browser-corrections");
    /** The demo's comment #2 (蔦, p.21), answered ACCEPTED with a revision promised. */
    static final String C = "/comments/ict-cyber-2024-c2";

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        STORE.forEach((key, value) -> registry.add(key, () -> value));
    }

    @Test
    void theSecretariatCorrectsTheKindAndReopensTheCommentInJapanese() {
        Browser b = browser();
        b.logIn("sato", Http.PASSWORD);
        for (String path : List.of(C + "/correct?lang=en", C + "/reopen?lang=en", C + "/reopen?lang=ja",
                C + "/correct?lang=ja")) {
            b.open(path);
            assertThat(b.unlabelled()).as("controls without a label on " + path).isEmpty();
            assertThat(b.firstTabStop()).as(path).isEqualTo("skip");
        }
        assertThat(sideways(375, 812, List.of(C + "/correct", C + "/reopen"))).as("pages wider than a phone").isEmpty();

        b.open(C + "/correct");
        assertThat(b.find("h1").getText()).isEqualTo("意見 #2 の記録の訂正");
        b.select("#kind", "EDITORIAL");
        b.type("#reason", "議事要旨では編集上の意見とされている");
        b.clickAndWait("form.record button[type=submit]:not(.secondary)");
        assertThat(b.url()).endsWith(C);
        assertThat(b.find("p.notice").getText()).isEqualTo("記録を訂正しました。");
        assertThat(b.find("#corrections").getText()).contains("修正意見", "形式的修正", "議事要旨では編集上の意見とされている");

        b.open(C + "/reopen");
        assertThat(b.find("h1").getText()).isEqualTo("意見 #2 の再開");
        b.type("textarea[name=text]", "対応の範囲を再確認するため");
        b.clickAndWait("form.record button[type=submit]");
        assertThat(b.url()).endsWith(C);
        assertThat(b.find("p.notice").getText()).isEqualTo("意見を再開しました。改めて回答が必要です。");
    }
}
