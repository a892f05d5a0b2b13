package dev.shingi.pages;

import dev.shingi.pages.PageReader.Page;
import dev.shingi.testing.LedgerHttp;
import dev.shingi.testing.MultipartBody;
import dev.shingi.testing.TwoVersions;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The comment thread page shows where the comment's passage is in each later version with a document, in the
 * reader's language, with the same status as GET …/versions/{n}/anchoring: two real Markdown versions over HTTP.
 */
class ThreadAnchoringPageTest extends LedgerHttp {

    Reply multipart(String path, MultipartBody body) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic("sato")).header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build());
    }

    @Test
    void theThreadShowsTheEditedPassageAsTheAnchoringReportDoes() {
        String d = "ta-" + UUID.randomUUID().toString().substring(0, 8);
        String p = "/api/deliberations/" + d;
        assertThat(admin("/api/deliberations", """
                {"deliberationId":"%s","title":"方向性（案）","body":"分科会",
                 "occurredAt":"2024-06-01T09:00+09:00"}""".formatted(d)).status()).isEqualTo(201);
        for (String[] who : new String[][]{{"tsuta", "MEMBER"}, {"sato", "SECRETARIAT"}}) {
            assertThat(admin(p + "/participants", """
                    {"participantId":"%s","name":"%s","role":"%s"}""".formatted(who[0], who[0], who[1])).status())
                    .isEqualTo(201);
        }
        assertThat(multipart(p + "/drafts", new MultipartBody().json("metadata", """
                {"version":1,"title":"方向性（案）","occurredAt":"2024-06-24T14:00+09:00"}""")
                .part("file", "v1.md", "text/markdown", TwoVersions.markdown(TwoVersions.MARKDOWN_V1))).status())
                .isEqualTo(201);
        Reply raised = post(p + "/comments", """
                {"authorId":"tsuta","draftVersion":1,"anchor":{"pageFrom":2,"lineFrom":2,"quote":"脆弱性対策の強化"},
                 "kind":"CHANGE_REQUEST","text":"修正を求める。","occurredAt":"2024-06-24T14:10:00+09:00"}""");
        assertThat(raised.status()).as(raised.raw()).isEqualTo(201);
        String c = raised.body().get("comment").get("commentId").asText();
        assertThat(post("/api/comments/" + c + "/responses", """
                {"responderId":"sato","disposition":"ACCEPTED","text":"承知した。",
                 "commitments":[{"kind":"REVISE_DRAFT","description":"記述を強める"}],
                 "occurredAt":"2024-06-24T15:00:00+09:00"}""").status()).isEqualTo(201);
        assertThat(multipart(p + "/revisions", new MultipartBody().json("metadata", """
                {"version":2,"title":"改訂","committedBy":"sato","fulfils":[{"commitment":"#1.1","page":2}],
                 "occurredAt":"2024-07-10T10:00+09:00"}""")
                .part("file", "v2.md", "text/markdown", TwoVersions.markdown(TwoVersions.MARKDOWN_V2))).status())
                .isEqualTo(201);
        assertThat(get(p + "/versions/2/anchoring").body().get(0).get("status").asText()).isEqualTo("CHANGED");

        PageReader r = new PageReader(port).signedInAs("sato");
        r.language = "ja";
        Page ja = r.get("/comments/" + c);
        assertThat(ja.status()).isEqualTo(200);
        assertThat(ja.text("#anchoring h3")).isEqualTo("以降の版での該当箇所");
        assertThat(ja.html().select("#anchoring li").attr("data-status")).isEqualTo("CHANGED");
        assertThat(ja.text("#anchoring li")).isEqualTo("第2版 修正あり p.2 2行目 脆弱性対策の強化が求められている。 "
                + "脆弱性対策の一層の強化が求められている。");

        r.language = "en";
        Page en = r.get("/comments/" + c + "?lang=en");
        assertThat(en.text("#anchoring h3")).isEqualTo("The passage in later versions");
        assertThat(en.text("#anchoring li .version")).isEqualTo("v2");
        assertThat(en.text("#anchoring li .status")).isEqualTo("Edited");
        assertThat(en.text("#anchoring li .to")).isEqualTo("p.2 l.2");

        Page before = r.get("/comments/" + c + "?lang=en&at=2024-07-01T00:00Z");
        assertThat(before.html().select("#anchoring")).as("no later version yet").isEmpty();
    }
}
