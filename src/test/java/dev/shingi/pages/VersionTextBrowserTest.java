package dev.shingi.pages;

import dev.shingi.testing.Http;
import dev.shingi.testing.MultipartBody;
import dev.shingi.testing.TestDatabase;
import dev.shingi.testing.TwoVersions;
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
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader in a real browser (headless Chromium) goes from the draft evolution page to a version's text, sees the
 * marker of the comment on its line, and on to the diff with its two columns; nothing is refused by the pages'
 * Content-Security-Policy, and neither page scrolls sideways on a phone. On a store of its own.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VersionTextBrowserTest extends BrowserTest {
    static final java.util.Map<String, String> STORE = TestDatabase.fresh("textpages");

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        STORE.forEach((key, value) -> registry.add(key, () -> value));
    }

    private HttpResponse<String> send(String path, String contentType, byte[] body) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("sato:" + Http.PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString());
    }

    private int publish(String path, String metadata, String file, String markdown) throws Exception {
        MultipartBody body = new MultipartBody().json("metadata", metadata)
                .part("file", file, "text/markdown", TwoVersions.markdown(markdown));
        return send(path, body.contentType(), body.bytes()).statusCode();
    }

    /** The Japanese pair of {@link TwoVersions}, one comment on p.2 l.2 of v1 quoting part of it, answered and kept. */
    private String twoVersions() throws Exception {
        String id = "text-" + UUID.randomUUID().toString().substring(0, 8);
        String p = "/api/deliberations/" + id;
        assertThat(api("admin", "/api/deliberations", """
                {"deliberationId":"%s","title":"方向性（案）","body":"分科会","occurredAt":"2024-06-01T09:00:00+09:00"}"""
                .formatted(id))).isEqualTo(201);
        for (String[] who : new String[][]{{"sato", "佐藤", "SECRETARIAT"}, {"tsuta", "蔦", "MEMBER"}}) {
            assertThat(api("admin", p + "/participants", """
                    {"participantId":"%s","name":"%s","role":"%s"}""".formatted(who[0], who[1], who[2])))
                    .isEqualTo(201);
        }
        assertThat(publish(p + "/drafts", """
                {"version":1,"title":"方向性（案）","occurredAt":"2024-06-24T14:00+09:00"}""", "v1.md",
                TwoVersions.MARKDOWN_V1)).isEqualTo(201);
        HttpResponse<String> raised = send(p + "/comments", "application/json", """
                {"authorId":"tsuta","draftVersion":1,"anchor":{"pageFrom":2,"lineFrom":2,"quote":"脆弱性対策の強化"},
                 "kind":"CHANGE_REQUEST","text":"修正を求める。","occurredAt":"2024-06-24T14:10:00+09:00"}"""
                .getBytes(StandardCharsets.UTF_8));
        assertThat(raised.statusCode()).as(raised.body()).isEqualTo(201);
        String comment = new com.fasterxml.jackson.databind.ObjectMapper().readTree(raised.body())
                .get("comment").get("commentId").asText();
        assertThat(api("sato", "/api/comments/" + comment + "/responses", """
                {"responderId":"sato","disposition":"ACCEPTED","text":"承知した。",
                 "commitments":[{"kind":"REVISE_DRAFT","description":"記述を強める"}],
                 "occurredAt":"2024-06-24T15:00:00+09:00"}""")).isEqualTo(201);
        assertThat(publish(p + "/revisions", """
                {"version":2,"title":"方向性（案）改訂","committedBy":"sato","fulfils":[{"commitment":"#1.1","page":2}],
                 "occurredAt":"2024-07-10T10:00+09:00"}""", "v2.md", TwoVersions.MARKDOWN_V2)).isEqualTo(201);
        return id;
    }

    @Test
    void aReaderFollowsTheTextLinkToTheMarkerAndTheDiffLinkToBothColumns() throws Exception {
        String base = "/deliberations/" + twoVersions();
        Browser b = browser();
        b.logIn("sato", Http.PASSWORD);

        b.open(base + "/versions?lang=ja");
        b.clickAndWait("#v1 .text-links a");
        assertThat(b.url()).endsWith(base + "/versions/1/text");
        assertThat(b.text("h1")).isEqualTo("第1版の本文");
        assertThat(b.text("#p2-l2 .line-text")).isEqualTo("脆弱性対策の強化が求められている。");
        assertThat(b.text("#p2-l2 mark")).isEqualTo("脆弱性対策の強化");
        assertThat(b.text("#p2-l2 .marker")).isEqualTo("#1 蔦");
        assertThat(b.all(".marker")).hasSize(1);
        b.screenshot("version-text");

        b.open(base + "/versions");
        List<org.openqa.selenium.WebElement> links = b.all("#v2 .text-links a");
        assertThat(links).extracting(org.openqa.selenium.WebElement::getText).containsExactly("本文", "前版との差分");
        b.markPage();
        links.get(1).click();
        b.waitForNewPage();
        assertThat(b.url()).endsWith(base + "/versions/2/diff");
        assertThat(b.text("#page-2 thead th.old")).isEqualTo("旧：第1版");
        assertThat(b.text("#page-2 thead th.new")).isEqualTo("新：第2版");
        assertThat(b.text("#page-2 td.new ins")).isEqualTo("一層の");
        assertThat(b.find("#page-2 td.old del").getCssValue("text-decoration-line")).isEqualTo("line-through");
        assertThat(b.find("#page-2 td.new ins").getCssValue("text-decoration-line")).isEqualTo("underline");
        // two columns side by side: the new one starts to the right of where the old one ends
        int oldRight = b.find("#page-2 td.old").getRect().getX() + b.find("#page-2 td.old").getRect().getWidth();
        assertThat(b.find("#page-2 td.new").getRect().getX()).isGreaterThanOrEqualTo(oldRight);
        assertThat(b.text("#page-3 td.new ins")).isEqualTo("人材育成にも取り組む。");
        b.screenshot("version-diff");

        b.clickAndWait("#page-2 td.old a.where");
        assertThat(b.url()).endsWith(base + "/versions/1/text#p2-l2");

        assertThat(sideways(375, 812, List.of(base + "/versions/1/text", base + "/versions/2/diff",
                base + "/versions/2/diff?lang=en", base + "/versions/2/diff?from=2")))
                .as("pages that scroll sideways at 375px").isEmpty();
    }
}
