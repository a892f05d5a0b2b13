package dev.shingi.drafttext;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shingi.testing.LedgerHttp;
import dev.shingi.testing.MultipartBody;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A version published with its document over real HTTP (multipart, as curl and the pages send it), its text read
 * back, files refused with nothing stored, and comments anchored to the words.
 */
class DraftDocumentHttpTest extends LedgerHttp {
    static final String PDF = "application/pdf";

    String d;

    static byte[] resource(String name) {
        try (InputStream in = DraftDocumentHttpTest.class.getResourceAsStream("/drafttext/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @BeforeEach
    void openDeliberation() {
        d = "dt-" + UUID.randomUUID().toString().substring(0, 8);
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

    Reply publish(int version, String fileName, String type, byte[] file) {
        return multipart(p("/drafts"), new MultipartBody()
                .json("metadata", """
                        {"version":%d,"title":"方向性（案）","materialNumber":"資料10-1","occurredAt":"2024-06-24T14:00+09:00"}"""
                        .formatted(version))
                .part("file", fileName, type, file));
    }

    long documents() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM draft_document", Long.class);
        return n == null ? 0 : n;
    }

    JsonNode event(String type, int version) throws IOException {
        byte[] payload = jdbc.queryForObject("SELECT payload FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                + "AND payloadType = ?", byte[].class, d + "/v" + version, "dev.shingi.deliberation.api." + type);
        return json.readTree(payload);
    }

    @Nested
    class Publishing {
        @Test
        void aPdfPublishedWithItsVersionIsNamedInTheEventByItsHashAndReadBackPageByPage() throws Exception {
            byte[] pdf = resource("draft-ja.pdf");

            Reply r = publish(1, "draft-ja.pdf", PDF, pdf);

            assertThat(r.status()).as(r.raw()).isEqualTo(201);
            assertThat(r.body().get(0).get("pageCount").asInt()).isEqualTo(3);
            JsonNode document = event("DraftPublished", 1).get("document");
            assertThat(document.toString()).isEqualTo("{\"sha256\":\"" + sha256(pdf) + "\",\"fileName\":\"draft-ja.pdf\","
                    + "\"mediaType\":\"application/pdf\",\"size\":" + pdf.length + ",\"pages\":3}");

            Reply text = get(p("/versions/1/text"));
            assertThat(text.status()).isEqualTo(200);
            assertThat(text.raw()).isEqualTo("{\"sha256\":\"" + sha256(pdf) + "\",\"pages\":["
                    + "{\"page\":1,\"lines\":[\"サイバーセキュリティ政策の方向性（案）\",\"令和６年６月２４日\",\"１．はじめに\","
                    + "\"本案は「ＩＣＴサイバーセキュリティ政策」の方向性を示すものである。注1\",\"注1 第１０回会合の議論を踏まえた。\"]},"
                    + "{\"page\":2,\"lines\":[\"２．現状と課題\",\"脆弱性対策の強化が求められている。\",\"「重要インフラ」の定義は第３章による。\"]},"
                    + "{\"page\":3,\"lines\":[\"３．おわりに\",\"引き続き検討を進める。\"]}]}");

            HttpResponse<byte[]> file = http.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + p("/versions/1/document")))
                    .header("Authorization", basic("sato")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Type")).hasValue(PDF);
            assertThat(file.body()).isEqualTo(pdf);
        }

        @Test
        void aRevisionTakesItsDocumentToo() throws Exception {
            assertThat(publish(1, "draft-ja.pdf", PDF, resource("draft-ja.pdf")).status()).isEqualTo(201);
            byte[] md = resource("draft-ja.md");

            Reply r = multipart(p("/revisions"), new MultipartBody()
                    .json("metadata", """
                            {"version":2,"title":"方向性（案）改訂","summary":"脚注を整理","committedBy":"sato"}""")
                    .part("file", "draft-ja.md", "text/markdown", md));

            assertThat(r.status()).as(r.raw()).isEqualTo(201);
            assertThat(event("RevisionCommitted", 2).get("document").get("sha256").asText()).isEqualTo(sha256(md));
            JsonNode pages = get(p("/versions/2/text")).body().get("pages");
            assertThat(pages.size()).isEqualTo(3);
            assertThat(pages.get(1).toString())
                    .isEqualTo("{\"page\":2,\"lines\":[\"## ２．現状と課題\",\"脆弱性対策の強化が求められている。\"]}");
        }

        @Test
        void theSameFileInTwoVersionsIsKeptOnce() {
            long before = documents();
            byte[] txt = ("同じ本文 " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
            assertThat(publish(1, "a.txt", "text/plain", txt).status()).isEqualTo(201);
            assertThat(publish(2, "b.txt", "text/plain", txt).status()).isEqualTo(201);
            assertThat(documents()).isEqualTo(before + 1);
        }

        @Test
        void aVersionWithoutItsDocumentHasNoText() {
            assertThat(post(p("/drafts"), "{\"version\":1,\"title\":\"JSON\"}").status()).isEqualTo(201);

            Reply text = get(p("/versions/1/text"));

            assertThat(text.status()).isEqualTo(404);
            assertThat(text.body().get("field").asText()).isEqualTo("document");
            assertThat(get(p("/versions/7/text")).body().get("field").asText()).isEqualTo("version");
        }
    }

    @Nested
    class Refusing {
        void refused(Reply r, String rule) {
            assertThat(r.status()).as(r.raw()).isEqualTo(400);
            assertThat(r.body().get("rule").asText()).isEqualTo(rule);
            assertThat(r.body().get("errors").get(0).get("field").asText()).isEqualTo("file");
        }

        void refusedStoringNothing(String name, String type, byte[] file, String rule) {
            long events = storedEvents();
            long documents = documents();
            refused(publish(1, name, type, file), rule);
            assertThat(storedEvents()).isEqualTo(events);
            assertThat(documents()).isEqualTo(documents);
        }

        @Test
        void anEmptyFile() {
            refusedStoringNothing("draft.pdf", PDF, new byte[0], "document.not-empty");
        }

        @Test
        void aFileOverTwentyMegabytes() {
            byte[] big = new byte[20 * 1024 * 1024 + 1];
            java.util.Arrays.fill(big, (byte) 'a');
            refusedStoringNothing("big.txt", "text/plain", big, "document.size-limit");
        }

        @Test
        void textSentAsAPdf() {
            refusedStoringNothing("draft.pdf", PDF, resource("draft-ja.md"), "document.type-matches-content");
        }

        @Test
        void aPdfNamedAsAWordFile() {
            refusedStoringNothing("draft.docx", "application/octet-stream", resource("draft-ja.pdf"),
                    "document.type-matches-content");
        }

        @Test
        void anEncryptedPdf() throws IOException {
            byte[] encrypted;
            try (PDDocument pdf = Loader.loadPDF(resource("draft-ja.pdf")); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                pdf.protect(new StandardProtectionPolicy("owner", "", new AccessPermission()));
                pdf.save(out);
                encrypted = out.toByteArray();
            }
            refusedStoringNothing("draft.pdf", PDF, encrypted, "document.not-encrypted");
        }

        @Test
        void bytesOfNoKindWeRead() {
            refusedStoringNothing("scan", null, new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0}, "document.supported-type");
        }

        @Test
        void aBrokenPdf() {
            refusedStoringNothing("draft.pdf", PDF, "%PDF-1.7 broken".getBytes(StandardCharsets.US_ASCII),
                    "document.readable");
        }

        @Test
        void aCommandTheLedgerRefusesLeavesNoDocumentBehind() {
            assertThat(post(p("/drafts"), "{\"version\":1,\"title\":\"JSON\"}").status()).isEqualTo(201);
            byte[] txt = ("拒否される版 " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
            long events = storedEvents();

            Reply r = publish(1, "again.txt", "text/plain", txt);

            assertThat(r.status()).isEqualTo(409);
            assertThat(r.body().get("rule").asText()).isEqualTo("draft.version-once");
            assertThat(storedEvents()).isEqualTo(events);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM draft_document WHERE sha256 = ?", Long.class,
                    DraftDocumentHttpTest.sha256Unchecked(txt))).isZero();
        }

        @Test
        void metadataIsCheckedAsTheJsonBodyIs() {
            Reply r = multipart(p("/drafts"), new MultipartBody()
                    .json("metadata", "{\"version\":1,\"title\":\"\"}")
                    .part("file", "a.txt", "text/plain", "本文".getBytes(StandardCharsets.UTF_8)));
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body().get("errors").get(0).get("field").asText()).isEqualTo("title");

            Reply unknown = multipart(p("/drafts"), new MultipartBody()
                    .json("metadata", "{\"version\":1,\"title\":\"t\",\"colour\":\"red\"}")
                    .part("file", "a.txt", "text/plain", "本文".getBytes(StandardCharsets.UTF_8)));
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.body().get("errors").get(0).get("field").asText()).isEqualTo("colour");
        }

        @Test
        void aMultipartWriteWithoutItsFile() {
            Reply r = multipart(p("/drafts"), new MultipartBody().json("metadata", "{\"version\":1,\"title\":\"t\"}"));
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body().get("errors").get(0).get("field").asText()).isEqualTo("file");
        }
    }

    static String sha256Unchecked(byte[] bytes) {
        try {
            return sha256(bytes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Nested
    class Anchoring {
        @BeforeEach
        void versionOneIsTheReferencePdf() {
            assertThat(publish(1, "draft-ja.pdf", PDF, resource("draft-ja.pdf")).status()).isEqualTo(201);
        }

        Reply raise(String anchor) {
            return post(p("/comments"), """
                    {"authorId":"tsuta","draftVersion":1,"anchor":%s,"kind":"CHANGE_REQUEST","text":"修正を求める。",
                     "occurredAt":"2024-06-24T14:10:00+09:00"}""".formatted(anchor));
        }

        void refused(Reply r, String field, String rule, String detail) {
            assertThat(r.status()).as(r.raw()).isEqualTo(400);
            assertThat(r.body().get("rule").asText()).isEqualTo(rule);
            assertThat(r.body().get("errors").get(0).get("field").asText()).isEqualTo(field);
            assertThat(r.body().get("detail").asText()).isEqualTo(field + ": " + detail);
        }

        @Test
        void aQuoteOnItsPageAndLineIsTaken() {
            Reply r = raise("{\"pageFrom\":2,\"lineFrom\":3,\"quote\":\"「重要インフラ」の定義\",\"prefix\":\"求められている。\"}");
            assertThat(r.status()).as(r.raw()).isEqualTo(201);
            assertThat(r.body().get("comment").get("anchor").get("quote").asText()).isEqualTo("「重要インフラ」の定義");
        }

        @Test
        void aQuoteOnAnotherPageIsRefusedSayingWhereItIs() {
            refused(raise("{\"pageFrom\":1,\"quote\":\"脆弱性対策の強化\"}"), "anchor.quote", "anchor.quote-on-page",
                    "The quote is not on page 1; it is on p.2 l.2.");
        }

        @Test
        void aQuoteNowhereInTheDocument() {
            refused(raise("{\"quote\":\"量子暗号\"}"), "anchor.quote", "anchor.quote-in-document",
                    "The quote is not in version 1's document.");
        }

        @Test
        void aPageBeyondTheDocument() {
            long events = storedEvents();
            refused(raise("{\"pageFrom\":4}"), "anchor.pageFrom", "anchor.page-within-document",
                    "Page 4 is past the end of version 1's document (3 pages).");
            assertThat(storedEvents()).isEqualTo(events);
        }

        @Test
        void aLineBeyondItsPage() {
            refused(raise("{\"pageFrom\":3,\"lineFrom\":3}"), "anchor.lineFrom", "anchor.line-within-page",
                    "Line 3 is past the end of page 3, which has 2 lines of text.");
        }

        @Test
        void aPrefixThatDoesNotStandBeforeTheQuote() {
            refused(raise("{\"pageFrom\":2,\"quote\":\"定義\",\"prefix\":\"課題\"}"), "anchor.prefix",
                    "anchor.quote-context", "The quote is on p.2 l.3, but not after this prefix.");
        }

        @Test
        void aVersionWithoutTextKeepsTodaysRules() {
            assertThat(post(p("/drafts"), "{\"version\":2,\"title\":\"JSON\",\"pageCount\":10}").status()).isEqualTo(201);
            Reply r = post(p("/comments"), """
                    {"authorId":"tsuta","draftVersion":2,"anchor":{"pageFrom":9,"lineFrom":40,"quote":"どこにもない"},
                     "kind":"QUESTION","text":"質問。"}""");
            assertThat(r.status()).as(r.raw()).isEqualTo(201);
        }
    }
}
