package dev.shingi.pages;

import dev.shingi.pages.PageReader.Page;
import dev.shingi.testing.LedgerHttp;
import dev.shingi.testing.MultipartBody;
import dev.shingi.testing.TwoVersions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text page of a version and the side-by-side diff of two, over real HTTP on the Japanese Markdown pair of
 * {@link TwoVersions}: lines numbered as GET …/versions/{n}/text numbers them, each comment on its line or its page,
 * the diff's old and new sentences with the words only one side has, in Japanese and in English.
 */
class VersionTextPagesTest extends LedgerHttp {
    String d;
    String base;
    /** On p.2 l.2, quoting part of it; on p.3 without a line; a general remark. */
    String onLine;
    String onPage;
    String general;
    PageReader reader;

    Reply multipart(String path, MultipartBody body) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic("sato")).header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build());
    }

    String raise(String anchor, String at) {
        Reply r = post("/api/deliberations/" + d + "/comments", """
                {"authorId":"tsuta","draftVersion":1,"anchor":%s,"kind":"CHANGE_REQUEST","text":"修正を求める。",
                 "occurredAt":"%s"}""".formatted(anchor, at));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("comment").get("commentId").asText();
    }

    void answer(String commentId, String commitments) {
        Reply r = post("/api/comments/" + commentId + "/responses", """
                {"responderId":"sato","disposition":"%s","text":"承知した。","commitments":%s,
                 "occurredAt":"2024-06-24T15:00:00+09:00"}""".formatted(
                commitments.equals("[]") ? "ANSWERED" : "ACCEPTED", commitments));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
    }

    @BeforeEach
    void twoVersionsWithComments() {
        d = "tp-" + UUID.randomUUID().toString().substring(0, 8);
        base = "/deliberations/" + d;
        String p = "/api" + base;
        assertThat(admin("/api/deliberations", """
                {"deliberationId":"%s","title":"方向性（案）","body":"分科会",
                 "occurredAt":"2024-06-01T09:00+09:00"}""".formatted(d)).status()).isEqualTo(201);
        for (String[] who : new String[][]{{"tsuta", "蔦", "MEMBER"}, {"sato", "佐藤", "SECRETARIAT"}}) {
            assertThat(admin(p + "/participants", """
                    {"participantId":"%s","name":"%s","role":"%s"}""".formatted(who[0], who[1], who[2])).status())
                    .isEqualTo(201);
        }
        Reply v1 = multipart(p + "/drafts", new MultipartBody().json("metadata", """
                {"version":1,"title":"方向性（案）","occurredAt":"2024-06-24T14:00+09:00"}""")
                .part("file", "v1.md", "text/markdown", TwoVersions.markdown(TwoVersions.MARKDOWN_V1)));
        assertThat(v1.status()).as(v1.raw()).isEqualTo(201);
        onLine = raise("{\"pageFrom\":2,\"lineFrom\":2,\"quote\":\"脆弱性対策の強化\"}", "2024-06-24T14:10:00+09:00");
        onPage = raise("{\"pageFrom\":3}", "2024-06-24T14:20:00+09:00");
        general = raise("null", "2024-06-24T14:30:00+09:00");
        answer(onLine, "[{\"kind\":\"REVISE_DRAFT\",\"description\":\"記述を強める\"}]");
        answer(onPage, "[]");
        answer(general, "[]");
        Reply v2 = multipart(p + "/revisions", new MultipartBody().json("metadata", """
                {"version":2,"title":"方向性（案）改訂","committedBy":"sato","fulfils":[{"commitment":"#1.1","page":2}],
                 "occurredAt":"2024-07-10T10:00+09:00"}""")
                .part("file", "v2.md", "text/markdown", TwoVersions.markdown(TwoVersions.MARKDOWN_V2)));
        assertThat(v2.status()).as(v2.raw()).isEqualTo(201);
        reader = new PageReader(port).signedInAs("sato");
        reader.language = "ja";
    }

    @Test
    void theTextPageNumbersEachPagesLinesAndPutsEachCommentOnItsLineOrItsPage() {
        Page ja = reader.get(base + "/versions/1/text");

        assertThat(ja.status()).isEqualTo(200);
        assertThat(ja.text("h1")).isEqualTo("第1版の本文");
        assertThat(ja.html().select("section.text-page").eachAttr("data-page")).containsExactly("1", "2", "3");
        assertThat(ja.text("#p2-title")).isEqualTo("2ページ");
        assertThat(ja.html().select("#p2 .line-no").eachText()).containsExactly("1", "2", "3");
        assertThat(ja.html().select("#p2 .line-text").eachText())
                .containsExactly("## ２．現状と課題", "脆弱性対策の強化が求められている。", "「重要インフラ」の定義は第３章による。");
        assertThat(ja.text("#p3-l3 .line-text")).isEqualTo("引き続き検討を進める。");

        assertThat(ja.text("#p2-l2 mark")).isEqualTo("脆弱性対策の強化");
        assertThat(ja.html().select("#p2-l2 .marker").eachAttr("data-comment")).containsExactly(onLine);
        assertThat(ja.text("#p2-l2 .marker")).isEqualTo("#1 蔦");
        assertThat(ja.html().select("#p2-l2 .marker a.ref").attr("href")).isEqualTo("/comments/" + onLine);
        assertThat(ja.html().select("#p2-l1 .marker, #p2-l3 .marker, #p1 .marker")).isEmpty();
        assertThat(ja.html().select("#p3 .page-markers .marker").eachAttr("data-comment")).containsExactly(onPage);
        assertThat(ja.html().select("#p3 .text-lines .marker")).isEmpty();
        assertThat(ja.text("#unplaced h2")).isEqualTo("ページを指定していない意見");
        assertThat(ja.html().select("#unplaced .marker").eachAttr("data-comment")).containsExactly(general);
        assertThat(ja.html().select(".text-links a").eachText()).containsExactly("第1版への意見と考え方（印刷用の表）");

        Page en = reader.get(base + "/versions/1/text?lang=en");
        assertThat(en.text("h1")).isEqualTo("Text of v1");
        assertThat(en.text("#p2-title")).isEqualTo("Page 2");
        assertThat(en.text("#unplaced h2")).isEqualTo("Comments not tied to a page of this text");
        assertThat(en.text("#p2-l2 .line-text")).isEqualTo("脆弱性対策の強化が求められている。");

        Page two = reader.get(base + "/versions/2/text");
        assertThat(two.html().select("#p2 .line-text").eachText())
                .containsExactly("## ２．現状と課題", "脆弱性対策の一層の強化が求められている。");
        assertThat(two.html().select(".marker")).as("no comment was raised on v2").isEmpty();
        assertThat(two.html().select("#diff-link").attr("href")).isEqualTo(base + "/versions/2/diff");
    }

    @Test
    void theTextPageShowsTheCommentsOfItsMoment() {
        Page before = reader.get(base + "/versions/1/text?at=2024-06-24T14:15:00%2B09:00");

        assertThat(before.status()).isEqualTo(200);
        assertThat(before.html().select(".marker").eachAttr("data-comment")).containsExactly(onLine);
        assertThat(before.html().select("#unplaced")).isEmpty();
        assertThat(before.html().select("#p2-l2 .marker a.ref").attr("href"))
                .isEqualTo("/comments/" + onLine + "?at=2024-06-24T14:15%2B09:00");
        Page notYet = reader.get(base + "/versions/2/text?at=2024-07-01T00:00Z");
        assertThat(notYet.status()).isEqualTo(404);
        assertThat(notYet.text("h1")).isEqualTo("見つかりません");
    }

    @Test
    void theDiffShowsEachChangesOldAndNewTextSideBySideWithTheWordsOnlyOneSideHas() {
        Page ja = reader.get(base + "/versions/2/diff");

        assertThat(ja.status()).isEqualTo(200);
        assertThat(ja.text("h1")).isEqualTo("第1版から第2版への変更");
        assertThat(ja.html().select("section.diff-page").eachAttr("data-page")).containsExactly("2", "3");
        assertThat(ja.text("#page-2 h2")).isEqualTo("第2版 2ページ");
        assertThat(ja.text("#page-2 thead th.old")).isEqualTo("旧：第1版");
        assertThat(ja.text("#page-2 thead th.new")).isEqualTo("新：第2版");

        assertThat(ja.html().select("#page-2 tbody tr").eachAttr("data-kind")).containsExactly("EDITED");
        assertThat(ja.html().select("#page-2 td.old .passage").first().wholeText())
                .isEqualTo("脆弱性対策の強化が求められている。\n「重要インフラ」の定義は第３章による。");
        assertThat(ja.html().select("#page-2 td.new .passage").first().wholeText())
                .isEqualTo("脆弱性対策の一層の強化が求められている。");
        assertThat(ja.html().select("#page-2 td.new ins").eachText()).containsExactly("一層の");
        assertThat(ja.html().select("#page-2 td.old del").first().wholeText())
                .isEqualTo("\n「重要インフラ」の定義は第３章による。");
        assertThat(ja.text("#page-2 td.old a.where")).isEqualTo("p.2 2行目");
        assertThat(ja.html().select("#page-2 td.old a.where").attr("href")).isEqualTo(base + "/versions/1/text#p2-l2");
        assertThat(ja.html().select("#page-2 td.new a.where").attr("href")).isEqualTo(base + "/versions/2/text#p2-l2");

        assertThat(ja.html().select("#page-3 tbody tr").eachAttr("data-kind")).containsExactly("INSERTED");
        assertThat(ja.text("#page-3 td.old .empty")).isEqualTo("（旧版になし。ここに追加）");
        assertThat(ja.text("#page-3 td.new ins")).isEqualTo("人材育成にも取り組む。");
        assertThat(ja.text("#page-3 td.new a.where")).isEqualTo("p.3 3行目");
        assertThat(reader.get(base + "/versions/2/diff?from=1").html().select("main").outerHtml())
                .as("from defaults to the version before").isEqualTo(ja.html().select("main").outerHtml()
                        .replace("/versions/2/diff\"", "/versions/2/diff?from=1\""));

        Page en = reader.get(base + "/versions/2/diff?lang=en");
        assertThat(en.text("h1")).isEqualTo("Changes from v1 to v2");
        assertThat(en.text("#page-2 thead th.old")).isEqualTo("Old: v1");
        assertThat(en.text("#page-2 thead th.new")).isEqualTo("New: v2");
        assertThat(en.text("#page-2 h2")).isEqualTo("Page 2 of v2");
        assertThat(en.text("#page-3 td.new a.where")).isEqualTo("p.3 l.3");
        assertThat(en.text("#page-3 td.old .empty")).isEqualTo("(not in the old version: put in here)");
    }

    @Test
    void aFromThatIsNoEarlierVersionWithADocumentIsA400PageSayingWhy() {
        Page same = reader.get(base + "/versions/2/diff?from=2");
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.text("#refusal")).isEqualTo("比較元には第2版より前の版を指定してください。第2版は前の版ではありません。");
        assertThat(same.html().select("table.diff")).isEmpty();
        Page unknown = reader.get(base + "/versions/2/diff?from=0&lang=en");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("#refusal")).isEqualTo("There is no v0 to compare with.");
        Page first = reader.get(base + "/versions/1/diff?lang=ja");
        assertThat(first.status()).isEqualTo(400);
        assertThat(first.text("#refusal")).isEqualTo("第1版は最初の版のため、比較する前の版がありません。");
        assertThat(reader.get(base + "/versions/2/diff?from=x").status()).isEqualTo(400);
        assertThat(reader.get(base + "/versions/9/diff").status()).isEqualTo(404);

        // v3 without a document, v4 with one: v4's default from is v3, which has no text
        assertThat(post("/api" + base + "/revisions", "{\"version\":3,\"title\":\"本文なし\",\"committedBy\":\"sato\"}")
                .status()).isEqualTo(201);
        Reply v4 = multipart("/api" + base + "/revisions", new MultipartBody().json("metadata", """
                {"version":4,"title":"第４版","committedBy":"sato"}""")
                .part("file", "v4.md", "text/markdown", TwoVersions.markdown(TwoVersions.MARKDOWN_V2)));
        assertThat(v4.status()).as(v4.raw()).isEqualTo(201);
        Page noFromText = reader.get(base + "/versions/4/diff");
        assertThat(noFromText.status()).isEqualTo(400);
        assertThat(noFromText.text("#refusal")).isEqualTo("比較元の第3版は本文の文書ファイルなしで公開されたため、比較できません。");
        assertThat(noFromText.html().select(".diff-from a").eachText()).containsExactly("第1版", "第2版");
        Page same4 = reader.get(base + "/versions/4/diff?from=2");
        assertThat(same4.status()).isEqualTo(200);
        assertThat(same4.text("#no-changes")).isEqualTo("第2版と第4版の本文に違いはありません。");

        Page noText = reader.get(base + "/versions/3/text");
        assertThat(noText.status()).isEqualTo(200);
        assertThat(noText.text("#no-document")).isEqualTo("第3版は本文の文書ファイルなしで公開されたため、本文を表示できません。");
        Page noTextEn = reader.get(base + "/versions/3/text?lang=en");
        assertThat(noTextEn.text("#no-document")).isEqualTo("v3 was published without its document, so there is no text to show.");
        Page noDiff = reader.get(base + "/versions/3/diff?lang=ja");
        assertThat(noDiff.status()).isEqualTo(200);
        assertThat(noDiff.text("#no-document")).isEqualTo("第3版は本文の文書ファイルなしで公開されたため、比較できません。");
        assertThat(reader.get(base + "/versions/5/text").status()).isEqualTo(404);
    }

    @Test
    void theVersionsPageLinksEachVersionsTextAndItsDiff() {
        Page versions = reader.get(base + "/versions");

        assertThat(versions.html().select("#v1 .text-links a").eachAttr("href")).containsExactly(base + "/versions/1/text");
        assertThat(versions.html().select("#v2 .text-links a").eachText()).containsExactly("本文", "前版との差分");
        assertThat(versions.html().select("#v2 .text-links a").eachAttr("href"))
                .isEqualTo(List.of(base + "/versions/2/text", base + "/versions/2/diff"));
    }
}
