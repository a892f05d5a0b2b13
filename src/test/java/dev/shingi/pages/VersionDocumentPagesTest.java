package dev.shingi.pages;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shingi.pages.PageReader.Page;
import dev.shingi.testing.LedgerHttp;
import dev.shingi.testing.TwoVersions;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages of a version's document over real HTTP: publishing and revising through the forms with a file (multipart,
 * as a browser sends it), a refused file shown next to its input with nothing stored; then, on the two Japanese
 * Markdown versions of {@link TwoVersions} with comments anchored to their words, the re-anchoring report, the
 * provenance on the versions page and the passage's status in the disposition page and its CSV.
 */
class VersionDocumentPagesTest extends LedgerHttp {
    String d;
    String base;
    PageReader reader;

    @BeforeEach
    void openDeliberation() {
        d = "vp-" + UUID.randomUUID().toString().substring(0, 8);
        base = "/deliberations/" + d;
        assertThat(admin("/api/deliberations", """
                {"deliberationId":"%s","title":"方向性（案）","body":"分科会","occurredAt":"2024-06-01T09:00+09:00"}"""
                .formatted(d)).status()).isEqualTo(201);
        for (String[] p : new String[][]{{"tsuta", "MEMBER"}, {"sato", "SECRETARIAT"}}) {
            assertThat(admin("/api" + base + "/participants", """
                    {"participantId":"%s","name":"%s","role":"%s"}""".formatted(p[0], p[0], p[1])).status())
                    .isEqualTo(201);
        }
        reader = new PageReader(port).signedInAs("sato");
        reader.language = "ja";
    }

    Page publish(String fileName, String type, byte[] file) {
        return reader.submitWithFile(base + "/drafts/new", base + "/drafts/new", Map.of("version", "1",
                "title", "方向性（案）", "occurredAt", "2024-06-24T14:00"), fileName, type, file);
    }

    JsonNode versions() {
        Reply r = get("/api" + base + "/versions");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** TwoVersions' first PDF, encrypted by PDFBox with an owner password only (it opens, but is refused). */
    static byte[] encryptedPdf() {
        try (PDDocument pdf = Loader.loadPDF(TwoVersions.pdf(TwoVersions.PDF_V1));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            pdf.protect(policy);
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Nested
    class TheForms {
        @Test
        void aPdfChosenInThePublishFormIsTheVersionsDocument() {
            byte[] pdf = TwoVersions.pdf(TwoVersions.PDF_V1);

            Page done = publish("draft-v1.pdf", "application/pdf", pdf);

            assertThat(done.status()).as(done.raw()).isEqualTo(302);
            assertThat(done.location()).isEqualTo(base + "/versions");
            Reply text = get("/api" + base + "/versions/1/text");
            assertThat(text.status()).as(text.raw()).isEqualTo(200);
            assertThat(text.body().get("sha256").asText()).isEqualTo(sha256(pdf));
            assertThat(text.body().get("pages").size()).isEqualTo(3);
            assertThat(text.body().get("pages").get(1).get("lines").toString())
                    .isEqualTo("[\"2. Current issues\",\"Vulnerability handling must be strengthened.\","
                            + "\"Critical infrastructure is defined in chapter 3.\"]");
        }

        @Test
        void anInputLeftEmptyPublishesTheVersionWithoutADocument() {
            Page done = publish("", "application/octet-stream", new byte[0]);

            assertThat(done.status()).as(done.raw()).isEqualTo(302);
            assertThat(versions().size()).isEqualTo(1);
            Reply text = get("/api" + base + "/versions/1/text");
            assertThat(text.status()).isEqualTo(404);
            assertThat(text.body().get("field").asText()).isEqualTo("document");
        }

        @Test
        void anEncryptedPdfIsRefusedNextToTheInputInJapaneseAndNothingIsStored() {
            Page refused = publish("draft-v1.pdf", "application/pdf", encryptedPdf());

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.text("[data-error-for=file]"))
                    .isEqualTo("パスワードで保護されたファイルは読み取れません。保護を解除したファイルを選んでください。");
            assertThat(refused.text("[data-file-again]"))
                    .isEqualTo("ファイルはもう一度選んでください。記録されなかったフォームではファイルが保持されません。");
            assertThat(refused.html().select("form.record").attr("enctype")).isEqualTo("multipart/form-data");
            assertThat(refused.html().select("input[type=file]").attr("accept")).isEqualTo(".pdf,.docx,.md,.txt");
            assertThat(refused.html().select("input#title").val()).as("the form comes back as sent").isEqualTo("方向性（案）");
            assertThat(versions().size()).as("nothing stored").isZero();
        }

        @Test
        void anEmptyFileIsRefusedInEnglishForAnEnglishReader() {
            reader.language = "en";

            Page refused = publish("draft-v1.md", "text/markdown", new byte[0]);

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.text("[data-error-for=file]"))
                    .isEqualTo("The file is empty. Choose the file with the version's text.");
            assertThat(versions().size()).as("nothing stored").isZero();
        }

        @Test
        void aRefusedFileIsRefusedInTheRevisionFormTooAndNothingIsStored() {
            assertThat(publish("v1.md", "text/markdown", TwoVersions.markdown(TwoVersions.MARKDOWN_V1)).status())
                    .isEqualTo(302);

            Page refused = reader.submitWithFile(base + "/revisions/new", base + "/revisions/new", Map.of(
                    "version", "2", "title", "改訂", "committedBy", "sato"), "v2.pdf", "application/pdf",
                    encryptedPdf());

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.text("[data-error-for=file]"))
                    .isEqualTo("パスワードで保護されたファイルは読み取れません。保護を解除したファイルを選んでください。");
            assertThat(versions().size()).as("nothing stored").isEqualTo(1);
        }
    }

    @Nested
    class TwoMarkdownVersions {
        String[] c;

        String raise(String anchor) {
            Reply r = post("/api" + base + "/comments", """
                    {"authorId":"tsuta","draftVersion":1,"anchor":%s,"kind":"CHANGE_REQUEST","text":"修正を求める。",
                     "occurredAt":"2024-06-24T14:10:00+09:00"}""".formatted(anchor));
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

        /** v1 and v2 both through the forms; five comments on v1 (four anchored to words), #2.1 kept on p.2. */
        @BeforeEach
        void publishReviseAndComment() {
            assertThat(publish("draft-v1.md", "text/markdown", TwoVersions.markdown(TwoVersions.MARKDOWN_V1))
                    .status()).isEqualTo(302);
            c = new String[]{
                    raise("{\"pageFrom\":1,\"lineFrom\":3,\"quote\":\"「ＩＣＴサイバーセキュリティ政策」\"}"),
                    raise("{\"pageFrom\":2,\"lineFrom\":2,\"quote\":\"脆弱性対策の強化\"}"),
                    raise("{\"pageFrom\":2,\"lineFrom\":3,\"quote\":\"「重要インフラ」の定義\"}"),
                    raise("{\"pageFrom\":3,\"lineFrom\":3,\"quote\":\"引き続き検討を進める。\"}"),
                    raise("null")};
            answer(c[0], "[]");
            answer(c[1], "[{\"kind\":\"REVISE_DRAFT\",\"description\":\"脆弱性対策の記述を強める\"}]");
            answer(c[2], "[]");
            answer(c[3], "[]");
            answer(c[4], "[]");
            Page form = reader.get(base + "/revisions/new");
            assertThat(form.all("tr[data-fulfil]", "data-fulfil")).containsExactly("#2.1");
            Map<String, String> fields = new LinkedHashMap<>(Map.of("version", "2", "title", "方向性（案）改訂",
                    "committedBy", "sato", "occurredAt", "2024-07-10T10:00",
                    "fulfils[0].commitmentId", form.html().select("tr[data-fulfil='#2.1'] input[name$=commitmentId]").val(),
                    "fulfils[0].selected", "true", "fulfils[0].page", "2"));
            Page revised = reader.submitWithFile(base + "/revisions/new", base + "/revisions/new", fields,
                    "draft-v2.md", "text/markdown", TwoVersions.markdown(TwoVersions.MARKDOWN_V2));
            assertThat(revised.status()).as(revised.raw()).isEqualTo(302);
            assertThat(get("/api" + base + "/versions/2/text").body().get("sha256").asText())
                    .isEqualTo(sha256(TwoVersions.markdown(TwoVersions.MARKDOWN_V2)));
        }

        @Test
        void theAnchoringReportGivesEachCommentsStatusAndPlaceInJapanese() {
            Page ja = reader.get(base + "/versions/2/anchoring");

            assertThat(ja.status()).isEqualTo(200);
            assertThat(ja.text("h1")).isEqualTo("第2版での意見の該当箇所");
            assertThat(ja.all("dl.counts div", "data-status")).containsExactly("CARRIED", "MOVED", "CHANGED", "ORPHANED");
            assertThat(ja.text("dl.counts div[data-status=CHANGED]")).isEqualTo("修正あり 1");
            assertThat(ja.text("dl.counts div[data-status=CARRIED]")).isEqualTo("変更なし（同じ箇所） 1");
            assertThat(ja.all("table.anchoring tbody tr", "data-comment")).containsExactly("#1", "#2", "#3", "#4");
            String edited = "table.anchoring tr[data-comment='#2'] ";
            assertThat(ja.text(edited + ".status")).isEqualTo("修正あり");
            assertThat(ja.text(edited + ".from")).isEqualTo("第1版 p.2 2行目 脆弱性対策の強化");
            assertThat(ja.text(edited + ".to")).isEqualTo("p.2 2行目");
            assertThat(ja.text(edited + ".old")).isEqualTo("脆弱性対策の強化が求められている。");
            assertThat(ja.text(edited + ".new")).isEqualTo("脆弱性対策の一層の強化が求められている。");
            assertThat(ja.html().select(edited + "th a").attr("href")).isEqualTo("/comments/" + c[1]);
            assertThat(ja.text("table.anchoring tr[data-comment='#3'] .status")).isEqualTo("削除");
            assertThat(ja.text("table.anchoring tr[data-comment='#3'] .to")).isEqualTo("—");
            assertThat(ja.text("table.anchoring tr[data-comment='#4'] .status")).isEqualTo("変更なし（箇所が移動）");
            assertThat(ja.text("table.anchoring tr[data-comment='#4'] .to")).isEqualTo("p.3 4行目");
        }

        @Test
        void theAnchoringReportSpeaksEnglishAndKnowsTheMoment() {
            reader.language = "en";
            Page en = reader.get(base + "/versions/2/anchoring?lang=en");
            assertThat(en.text("h1")).isEqualTo("Where the comments' passages are in v2");
            assertThat(en.text("table.anchoring tr[data-comment='#2'] .status")).isEqualTo("Edited");
            assertThat(en.text("table.anchoring tr[data-comment='#2'] .to")).isEqualTo("p.2 l.2");

            Page before = reader.get(base + "/versions/2/anchoring?lang=en&at=2024-07-01T00:00Z");
            assertThat(before.status()).as("v2 was not committed yet").isEqualTo(404);

            Page first = reader.get(base + "/versions/1/anchoring?lang=en");
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.text("p.empty")).isEqualTo("No comment on an earlier version points into the text.");
        }

        @Test
        void theVersionsPageShowsEachChangeWithWhatProducedIt() {
            Page ja = reader.get(base + "/versions");

            assertThat(ja.status()).isEqualTo(200);
            assertThat(ja.html().select("#v1-provenance")).as("v1 follows nothing").isEmpty();
            assertThat(ja.text("#v2-provenance h3")).isEqualTo("この版の変更とその理由");
            List<org.jsoup.nodes.Element> changes = ja.html().select("#v2-provenance .provenance-changes > li");
            assertThat(changes).hasSize(2);
            assertThat(changes.get(0).select(".where").text()).isEqualTo("第1版 p.2 → 第2版 p.2");
            assertThat(changes.get(0).select("ins").text()).isEqualTo("脆弱性対策の一層の強化が求められている。");
            assertThat(changes.get(0).select(".causes a").eachText()).containsExactly(
                    "対応事項 #2.1（意見 #2）", "意見 #2（該当箇所を修正・削除）", "意見 #3（該当箇所を修正・削除）");
            assertThat(changes.get(0).select(".causes a").eachAttr("href")).containsExactly(
                    "/comments/" + c[1], "/comments/" + c[1], "/comments/" + c[2]);
            assertThat(changes.get(1).select(".old").text()).isEqualTo("（追加）");
            assertThat(changes.get(1).select("ins").text()).isEqualTo("人材育成にも取り組む。");
            assertThat(changes.get(1).select("[data-uncaused]").text()).isEqualTo("意見に基づかない変更");
            assertThat(ja.html().select("#v2 .anchoring-link a").attr("href"))
                    .isEqualTo(base + "/versions/2/anchoring");
            assertThat(ja.html().select("#v1 .anchoring-link")).isEmpty();
        }

        @Test
        void theDispositionPageAndItsCsvGiveThePassagesStatusInTheLaterVersion() {
            Page ja = reader.get(base + "/versions/1/disposition");

            assertThat(ja.status()).isEqualTo(200);
            assertThat(ja.html().select("table.disposition thead th").last().text()).isEqualTo("以降の版での該当箇所");
            String edited = "table.disposition tr[data-comment='#2'] td.anchoring li";
            assertThat(ja.html().select(edited).attr("data-status")).isEqualTo("CHANGED");
            assertThat(ja.text(edited)).isEqualTo("第2版 修正あり p.2 2行目");
            assertThat(ja.text("table.disposition tr[data-comment='#3'] td.anchoring li")).isEqualTo("第2版 削除");
            assertThat(ja.html().select("table.disposition tr[data-comment='#5'] td.anchoring li")).isEmpty();

            Page before = reader.get(base + "/versions/1/disposition?at=2024-07-01T00:00Z");
            assertThat(before.html().select("table.disposition thead th").eachText()).as("no later version yet")
                    .hasSize(6).doesNotContain("以降の版での該当箇所");

            List<CSVRecord> records = csv("/api" + base + "/disposition?version=1&format=csv&lang=ja");
            assertThat(records.get(0).get(9)).isEqualTo("以降の版での該当箇所");
            assertThat(records.get(2).get(0)).isEqualTo("#2");
            assertThat(records.get(2).get(9)).isEqualTo("第2版 修正あり p.2 2行目");
            assertThat(records.get(5).get(0)).isEqualTo("#5");
            assertThat(records.get(5).get(9)).isEmpty();
        }

        /** The report's rows as a spreadsheet reads them, past the BOM. */
        List<CSVRecord> csv(String path) {
            try {
                java.net.http.HttpResponse<String> r = http.send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://localhost:" + port + path))
                        .header("Authorization", basic("sato")).GET().build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                assertThat(r.body()).startsWith("\uFEFF");
                return CSVFormat.RFC4180.parse(new StringReader(r.body().substring(1))).getRecords();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
