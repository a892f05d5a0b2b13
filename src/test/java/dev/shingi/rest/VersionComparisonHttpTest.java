package dev.shingi.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shingi.testing.LedgerHttp;
import dev.shingi.testing.MultipartBody;
import dev.shingi.testing.TwoVersions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The diff, the re-anchoring report and the provenance over real HTTP, on two versions published with their real
 * documents (Markdown in Japanese; PDFs written by PDFBox in English), comments anchored to their words, answered, and
 * one commitment kept by the revision at the page it changed.
 */
class VersionComparisonHttpTest extends LedgerHttp {
    String d;

    @BeforeEach
    void openDeliberation() {
        d = "vc-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin("/api/deliberations", """
                {"deliberationId":"%s","title":"方向性（案）","body":"分科会","occurredAt":"2024-06-01T09:00+09:00"}"""
                .formatted(d)).status()).isEqualTo(201);
        for (String[] p : new String[][]{{"tsuta", "MEMBER"}, {"sato", "SECRETARIAT"}}) {
            assertThat(admin(p("/participants"), """
                    {"participantId":"%s","name":"%s","role":"%s"}""".formatted(p[0], p[0], p[1])).status())
                    .isEqualTo(201);
        }
    }

    String p(String suffix) {
        return "/api/deliberations/" + d + suffix;
    }

    Reply multipart(String path, MultipartBody body) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic("sato")).header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build());
    }

    void publish(String name, String type, byte[] file) {
        Reply r = multipart(p("/drafts"), new MultipartBody()
                .json("metadata", """
                        {"version":1,"title":"方向性（案）","occurredAt":"2024-06-24T14:00+09:00"}""")
                .part("file", name, type, file));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
    }

    void revise(String name, String type, byte[] file, String fulfils) {
        Reply r = multipart(p("/revisions"), new MultipartBody()
                .json("metadata", """
                        {"version":2,"title":"方向性（案）改訂","committedBy":"sato","fulfils":%s,
                         "occurredAt":"2024-07-10T10:00+09:00"}""".formatted(fulfils))
                .part("file", name, type, file));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
    }

    String raise(String anchor) {
        Reply r = post(p("/comments"), """
                {"authorId":"tsuta","draftVersion":1,"anchor":%s,"kind":"CHANGE_REQUEST","text":"修正を求める。",
                 "occurredAt":"2024-06-24T14:10:00+09:00"}""".formatted(anchor));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("comment").get("commentId").asText();
    }

    /** Every comment answered, so that a readiness gate has nothing to hold the revision for. */
    void answer(String commentId, String commitments) {
        Reply r = post("/api/comments/" + commentId + "/responses", """
                {"responderId":"sato","disposition":"%s","text":"承知した。","commitments":%s,
                 "occurredAt":"2024-06-24T15:00:00+09:00"}""".formatted(
                commitments.equals("[]") ? "ANSWERED" : "ACCEPTED", commitments));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
    }

    String[] commentsOnVersionOne(String... quotes) {
        String[] ids = new String[quotes.length];
        for (int i = 0; i < quotes.length; i++) {
            ids[i] = raise(quotes[i]);
        }
        return ids;
    }

    @Nested
    class MarkdownInJapanese {
        String[] c;

        @BeforeEach
        void twoVersions() {
            publish("draft-v1.md", "text/markdown", TwoVersions.markdown(TwoVersions.MARKDOWN_V1));
            c = commentsOnVersionOne(
                    "{\"pageFrom\":1,\"lineFrom\":3,\"quote\":\"「ＩＣＴサイバーセキュリティ政策」\"}",
                    "{\"pageFrom\":2,\"lineFrom\":2,\"quote\":\"脆弱性対策の強化\"}",
                    "{\"pageFrom\":2,\"lineFrom\":3,\"quote\":\"「重要インフラ」の定義\"}",
                    "{\"pageFrom\":3,\"lineFrom\":3,\"quote\":\"引き続き検討を進める。\"}",
                    "null");
            answer(c[0], "[]");
            answer(c[1], "[{\"kind\":\"REVISE_DRAFT\",\"description\":\"脆弱性対策の記述を強める\"}]");
            answer(c[2], "[]");
            answer(c[3], "[]");
            answer(c[4], "[]");
            revise("draft-v2.md", "text/markdown", TwoVersions.markdown(TwoVersions.MARKDOWN_V2),
                    "[{\"commitment\":\"#2.1\",\"page\":2}]");
        }

        @Test
        void theDiffGivesEachChangedSentenceWithItsPages() {
            Reply r = get(p("/versions/2/diff?from=1"));

            assertThat(r.status()).as(r.raw()).isEqualTo(200);
            assertThat(r.raw()).isEqualTo("[{\"fromPage\":2,\"fromLine\":2,\"fromLastPage\":2,\"toPage\":2,\"toLine\":2,"
                    + "\"toLastPage\":2,\"old\":\"脆弱性対策の強化が求められている。\\n「重要インフラ」の定義は第３章による。\","
                    + "\"new\":\"脆弱性対策の一層の強化が求められている。\"},"
                    + "{\"fromPage\":3,\"fromLine\":3,\"fromLastPage\":3,\"toPage\":3,\"toLine\":3,\"toLastPage\":3,"
                    + "\"old\":\"\",\"new\":\"人材育成にも取り組む。\"}]");
            assertThat(get(p("/versions/2/diff")).raw()).as("from defaults to the version before").isEqualTo(r.raw());
        }

        @Test
        void theAnchoringReportFollowsEveryCommentOnVersionOne() {
            Reply r = get(p("/versions/2/anchoring"));

            assertThat(r.status()).as(r.raw()).isEqualTo(200);
            assertThat(r.raw()).isEqualTo(("[{\"commentId\":\"C0\",\"reference\":\"#1\",\"raisedOn\":1,\"status\":\"CARRIED\","
                    + "\"from\":{\"page\":1,\"line\":3,\"quote\":\"「ＩＣＴサイバーセキュリティ政策」\"},"
                    + "\"to\":{\"page\":1,\"line\":3,\"quote\":null},\"old\":null,\"new\":null},"
                    + "{\"commentId\":\"C1\",\"reference\":\"#2\",\"raisedOn\":1,\"status\":\"CHANGED\","
                    + "\"from\":{\"page\":2,\"line\":2,\"quote\":\"脆弱性対策の強化\"},\"to\":{\"page\":2,\"line\":2,\"quote\":null},"
                    + "\"old\":\"脆弱性対策の強化が求められている。\",\"new\":\"脆弱性対策の一層の強化が求められている。\"},"
                    + "{\"commentId\":\"C2\",\"reference\":\"#3\",\"raisedOn\":1,\"status\":\"ORPHANED\","
                    + "\"from\":{\"page\":2,\"line\":3,\"quote\":\"「重要インフラ」の定義\"},\"to\":null,"
                    + "\"old\":\"「重要インフラ」の定義は第３章による。\",\"new\":null},"
                    + "{\"commentId\":\"C3\",\"reference\":\"#4\",\"raisedOn\":1,\"status\":\"MOVED\","
                    + "\"from\":{\"page\":3,\"line\":3,\"quote\":\"引き続き検討を進める。\"},"
                    + "\"to\":{\"page\":3,\"line\":4,\"quote\":null},\"old\":null,\"new\":null}]")
                    .replace("C0", c[0]).replace("C1", c[1]).replace("C2", c[2]).replace("C3", c[3]));
        }

        @Test
        void theProvenanceTiesTheEditToTheCommitmentAndTheCommentsAndListsTheInsertionAsUncaused() {
            Reply r = get(p("/versions/2/provenance"));

            assertThat(r.status()).as(r.raw()).isEqualTo(200);
            JsonNode changes = r.body().get("changes");
            assertThat(changes.size()).isEqualTo(2);
            assertThat(changes.get(0).get("causes").toString()).isEqualTo(("[{\"kind\":\"FULFILMENT\",\"commentId\":\"C1\","
                    + "\"commentReference\":\"#2\",\"commitmentId\":\"C1.1\",\"commitmentReference\":\"#2.1\"},"
                    + "{\"kind\":\"COMMENT\",\"commentId\":\"C1\",\"commentReference\":\"#2\",\"commitmentId\":null,"
                    + "\"commitmentReference\":null},"
                    + "{\"kind\":\"COMMENT\",\"commentId\":\"C2\",\"commentReference\":\"#3\",\"commitmentId\":null,"
                    + "\"commitmentReference\":null}]").replace("C1", c[1]).replace("C2", c[2]));
            assertThat(changes.get(0).get("change").get("toPage").asInt()).isEqualTo(2);
            assertThat(changes.get(1).toString()).isEqualTo("{\"change\":{\"fromPage\":3,\"fromLine\":3,\"fromLastPage\":3,"
                    + "\"toPage\":3,\"toLine\":3,\"toLastPage\":3,\"old\":\"\",\"new\":\"人材育成にも取り組む。\"},\"causes\":[]}");
            assertThat(r.body().get("unplaced").toString()).isEqualTo("[]");
        }

        @Test
        void beforeTheRevisionWasMadeVersionTwoIsUnknown() {
            Reply r = get(p("/versions/2/anchoring?at=2024-07-01T00:00Z"));
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.body().get("field").asText()).isEqualTo("version");
        }

        void refused(String query, int status, String field, String detail) {
            Reply r = get(p(query));
            assertThat(r.status()).as(r.raw()).isEqualTo(status);
            if (status == 404) {
                assertThat(r.body().get("field").asText()).isEqualTo(field);
                assertThat(r.body().get("detail").asText()).isEqualTo(detail);
            } else {
                assertThat(r.body().get("errors").get(0).get("field").asText()).isEqualTo(field);
                assertThat(r.body().get("detail").asText()).isEqualTo(field + ": " + detail);
            }
        }

        @Test
        void anUnknownVersionIsA404() {
            refused("/versions/3/diff?from=1", 404, "version", "Deliberation '" + d + "' has no version 3.");
            refused("/versions/9/anchoring", 404, "version", "Deliberation '" + d + "' has no version 9.");
            refused("/versions/9/provenance", 404, "version", "Deliberation '" + d + "' has no version 9.");
        }

        @Test
        void aFromThatIsNotAnEarlierVersionIsA400NamingIt() {
            refused("/versions/2/diff?from=2", 400, "from", "must be an earlier version than 2; 2 is not");
            refused("/versions/2/provenance?from=5", 400, "from", "must be an earlier version than 2; 5 is not");
            refused("/versions/2/diff?from=0", 400, "from", "names no version of '" + d + "': 0");
            refused("/versions/2/diff?from=x", 400, "from", "cannot read 'x'");
            refused("/versions/1/diff", 400, "from", "version 1 is the first; name an earlier version to compare with");
        }

        @Test
        void aVersionWithoutItsDocumentHasNothingToCompare() {
            Reply json = multipart(p("/revisions"), new MultipartBody().json("metadata", """
                    {"version":3,"title":"本文なし","committedBy":"sato"}""")
                    .part("file", "v3.txt", "text/plain", "第３版".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(json.status()).as(json.raw()).isEqualTo(201);
            Reply bare = post(p("/revisions"), "{\"version\":4,\"title\":\"本文なし\",\"committedBy\":\"sato\"}");
            assertThat(bare.status()).as(bare.raw()).isEqualTo(201);

            refused("/versions/4/diff?from=3", 404, "document", "Version 4 of '" + d + "' was published without its document.");
            refused("/versions/4/anchoring", 404, "document", "Version 4 of '" + d + "' was published without its document.");
        }

        @Test
        void aFromWithoutItsDocumentIsA400NamingFrom() {
            Reply bare = post(p("/revisions"), "{\"version\":3,\"title\":\"本文なし\",\"committedBy\":\"sato\"}");
            assertThat(bare.status()).as(bare.raw()).isEqualTo(201);
            Reply withText = multipart(p("/revisions"), new MultipartBody().json("metadata", """
                    {"version":4,"title":"第４版","committedBy":"sato"}""")
                    .part("file", "v4.md", "text/markdown", TwoVersions.markdown(TwoVersions.MARKDOWN_V2)));
            assertThat(withText.status()).as(withText.raw()).isEqualTo(201);

            refused("/versions/4/diff", 400, "from",
                    "version 3 was published without its document: there is no text to compare");
            assertThat(get(p("/versions/4/diff?from=2")).raw()).isEqualTo("[]");
        }

        @Test
        void readersOutsideAPrivateDeliberationAreRefusedAsForItsText() {
            for (String q : new String[]{"/versions/2/text", "/versions/2/diff", "/versions/2/anchoring",
                    "/versions/2/provenance"}) {
                Reply r = getAs(OUTSIDER, p(q));
                assertThat(r.status()).as(q).isEqualTo(403);
                assertThat(r.body().get("detail").asText()).isEqualTo("Deliberation '" + d + "' is readable by its participants only.");
            }
        }
    }

    @Nested
    class PdfsByPdfBox {
        String edited;
        String moved;

        @BeforeEach
        void twoVersions() {
            publish("draft-v1.pdf", "application/pdf", TwoVersions.pdf(TwoVersions.PDF_V1));
            edited = raise("{\"pageFrom\":2,\"lineFrom\":2,\"quote\":\"must be strengthened\"}");
            moved = raise("{\"pageFrom\":3,\"lineFrom\":3,\"quote\":\"Work will continue.\"}");
            answer(edited, "[{\"kind\":\"REVISE_DRAFT\",\"description\":\"Strengthen p.2\"}]");
            answer(moved, "[]");
            revise("draft-v2.pdf", "application/pdf", TwoVersions.pdf(TwoVersions.PDF_V2),
                    "[{\"commitment\":\"#1.1\",\"page\":2}]");
        }

        @Test
        void theDiffReadsThePdfsSentenceBySentence() {
            assertThat(get(p("/versions/2/diff?from=1")).raw()).isEqualTo("[{\"fromPage\":2,\"fromLine\":2,\"fromLastPage\":2,"
                    + "\"toPage\":2,\"toLine\":2,\"toLastPage\":2,\"old\":\"Vulnerability handling must be "
                    + "strengthened.\\nCritical infrastructure is defined in chapter 3.\",\"new\":\"Vulnerability "
                    + "handling must be strengthened further.\"},{\"fromPage\":3,\"fromLine\":3,\"fromLastPage\":3,\"toPage\":3,"
                    + "\"toLine\":3,\"toLastPage\":3,\"old\":\"\",\"new\":\"Skills will be developed too.\"}]");
        }

        @Test
        void theEditedPassageIsChangedAndTheOneBelowTheInsertionMoved() {
            JsonNode r = get(p("/versions/2/anchoring")).body();
            assertThat(r.size()).isEqualTo(2);
            assertThat(r.get(0).get("commentId").asText()).isEqualTo(edited);
            assertThat(r.get(0).get("status").asText()).isEqualTo("CHANGED");
            assertThat(r.get(0).get("old").asText()).isEqualTo("Vulnerability handling must be strengthened.");
            assertThat(r.get(0).get("new").asText())
                    .isEqualTo("Vulnerability handling must be strengthened further.");
            assertThat(r.get(1).toString()).isEqualTo("{\"commentId\":\"" + moved + "\",\"reference\":\"#2\",\"raisedOn\":1,"
                    + "\"status\":\"MOVED\",\"from\":{\"page\":3,\"line\":3,\"quote\":\"Work will continue.\"},"
                    + "\"to\":{\"page\":3,\"line\":4,\"quote\":null},\"old\":null,\"new\":null}");
        }

        @Test
        void theCommitmentKeptAtPageTwoProducedTheEditThere() {
            JsonNode changes = get(p("/versions/2/provenance")).body().get("changes");
            assertThat(changes.get(0).get("causes").get(0).toString()).isEqualTo("{\"kind\":\"FULFILMENT\",\"commentId\":\""
                    + edited + "\",\"commentReference\":\"#1\",\"commitmentId\":\"" + edited + ".1\","
                    + "\"commitmentReference\":\"#1.1\"}");
            assertThat(changes.get(0).get("causes").size()).isEqualTo(2);
            assertThat(changes.get(1).get("causes").size()).isZero();
        }
    }
}
