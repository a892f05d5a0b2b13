package dev.shingi.pages;

import dev.shingi.testing.Http;
import dev.shingi.testing.TestDatabase;
import dev.shingi.testing.TwoVersions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secretariat publishes v1 and revises it to v2 in Chromium, each with its Markdown document chosen in the forms'
 * file input, in Japanese; then follows the versions page to the re-anchoring report and sees where the member's
 * comment's passage went. On a store of its own, without the demo.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VersionUploadBrowserTest extends BrowserTest {
    static final Map<String, String> STORE = TestDatabase.fresh("browser-upload");
    static final String ID = "houkousei-2024";
    static final String BASE = "/deliberations/" + ID;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        STORE.forEach((key, value) -> registry.add(key, () -> value));
        registry.add("shingi.demo.enabled", () -> "false");
    }

    static Path file(String name, String text) throws IOException {
        Path dir = Files.createTempDirectory("shingi-upload-");
        return Files.write(dir.resolve(name), TwoVersions.markdown(text));
    }

    @Test
    void theSecretariatPublishesAndRevisesWithTheDocumentsAndSeesWhereTheCommentWent() throws Exception {
        assertThat(api("admin", "/api/deliberations", """
                {"deliberationId":"%s","title":"サイバーセキュリティ政策の方向性（案）","body":"分科会"}"""
                .formatted(ID))).isEqualTo(201);
        for (String[] p : new String[][]{{"sato", "佐藤", "SECRETARIAT"}, {"tsuta", "蔦", "MEMBER"}}) {
            assertThat(api("admin", "/api" + BASE + "/participants", """
                    {"participantId":"%s","name":"%s","role":"%s"}""".formatted(p[0], p[1], p[2]))).isEqualTo(201);
        }
        Browser b = browser();
        b.logIn("sato", Http.PASSWORD);

        b.open(BASE + "/drafts/new?lang=ja");
        assertThat(b.unlabelled()).as("controls without a label").isEmpty();
        assertThat(b.find("label[for=file]").getText()).isEqualTo("この版の本文ファイル");
        b.type("#title", "サイバーセキュリティ政策の方向性（案）");
        b.find("input[type=file]").sendKeys(file("draft-v1.md", TwoVersions.MARKDOWN_V1).toString());
        b.clickAndWait("form.record button[type=submit]");
        assertThat(b.url()).endsWith(BASE + "/versions");
        assertThat(b.text("p.notice")).isEqualTo("案を配布として記録しました。");

        assertThat(api("sato", "/api" + BASE + "/comments", """
                {"authorId":"tsuta","draftVersion":1,"anchor":{"pageFrom":2,"lineFrom":2,"quote":"脆弱性対策の強化"},
                 "kind":"CHANGE_REQUEST","text":"より踏み込んだ記述を求める。"}""")).isEqualTo(201);

        b.open(BASE + "/revisions/new");
        assertThat(b.unlabelled()).as("controls without a label").isEmpty();
        b.type("#title", "サイバーセキュリティ政策の方向性（案）改訂");
        b.find("input[type=file]").sendKeys(file("draft-v2.md", TwoVersions.MARKDOWN_V2).toString());
        b.type("#overrideReason", "意見 #1 は次回会合で回答する。");
        b.clickAndWait("form.record button[type=submit]");
        assertThat(b.url()).endsWith(BASE + "/versions");
        assertThat(b.text("p.notice")).isEqualTo("改訂を登録しました。");
        List<WebElement> changes = b.all("#v2-provenance .provenance-changes > li");
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).findElement(By.cssSelector(".causes a")).getText())
                .isEqualTo("意見 #1（該当箇所を修正・削除）");
        assertThat(changes.get(1).findElement(By.cssSelector("[data-uncaused]")).getText())
                .isEqualTo("意見に基づかない変更");

        b.clickAndWait("#v2 .anchoring-link a");
        assertThat(b.url()).endsWith(BASE + "/versions/2/anchoring");
        assertThat(b.text("h1")).isEqualTo("第2版での意見の該当箇所");
        assertThat(b.text("dl.counts div[data-status=CHANGED] dd")).isEqualTo("1");
        assertThat(b.text("table.anchoring tr[data-comment='#1'] .status")).isEqualTo("修正あり");
        assertThat(b.text("table.anchoring tr[data-comment='#1'] .to")).isEqualTo("p.2 2行目");
        assertThat(sideways(375, 812, List.of(BASE + "/versions/2/anchoring", BASE + "/versions")))
                .as("pages wider than a phone").isEmpty();
    }
}
