package dev.shingi.drafttext.extract;

import dev.shingi.drafttext.api.ReadDocument;
import dev.shingi.drafttext.api.RefusedDocument;
import dev.shingi.drafttext.api.TextPage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExtractionTest {
    static final String PDF_TYPE = "application/pdf";
    static final String DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final Extraction extraction = new Extraction(Extraction.DEFAULT_MAX_SIZE);

    static byte[] resource(String name) {
        try (InputStream in = ExtractionTest.class.getResourceAsStream("/drafttext/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reference PDF's text, page by page, exactly as Chromium printed it from draft-ja.html. */
    static final List<TextPage> PDF_PAGES = List.of(
            new TextPage(1, List.of("サイバーセキュリティ政策の方向性（案）", "令和６年６月２４日", "１．はじめに",
                    "本案は「ＩＣＴサイバーセキュリティ政策」の方向性を示すものである。注1",
                    "注1 第１０回会合の議論を踏まえた。")),
            new TextPage(2, List.of("２．現状と課題", "脆弱性対策の強化が求められている。",
                    "「重要インフラ」の定義は第３章による。")),
            new TextPage(3, List.of("３．おわりに", "引き続き検討を進める。")));

    /** A DOCX as Word writes one, made with POI: two paragraphs, a page break in a run of its own, a third. */
    static byte[] docx() {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("１．はじめに");
            XWPFParagraph p = doc.createParagraph();
            XWPFRun run = p.createRun();
            run.setText("本案は「ＩＣＴ」の");
            run.addBreak();
            run.setText("方向性を示す。注1");
            doc.createParagraph().createRun().addBreak(BreakType.PAGE);
            doc.createParagraph().createRun().setText("２．現状と課題");
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reference PDF encrypted by PDFBox with an owner password only: it opens, but its permissions bind. */
    static byte[] encryptedPdf() {
        try (PDDocument pdf = Loader.loadPDF(resource("draft-ja.pdf")); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
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
    class Reading {
        @Test
        void aChromiumPdfInJapaneseReadsAsItsPagesOfLinesWithFullWidthDigitsBracketsAndFootnoteMarkers() {
            ReadDocument d = extraction.read(resource("draft-ja.pdf"), "draft-ja.pdf", PDF_TYPE);

            assertThat(d.text().pages()).isEqualTo(PDF_PAGES);
            assertThat(d.mediaType()).isEqualTo(PDF_TYPE);
            assertThat(d.fileName()).isEqualTo("draft-ja.pdf");
            assertThat(d.sha256()).isEqualTo(Extraction.sha256(resource("draft-ja.pdf"))).hasSize(64);
            assertThat(d.text().sha256()).isEqualTo(d.sha256());
        }

        @Test
        void markdownPagesEndAtFormFeedsAndKeepTheirMarkup() {
            ReadDocument d = extraction.read(resource("draft-ja.md"), "draft-ja.md", "text/markdown");

            assertThat(d.mediaType()).isEqualTo("text/markdown");
            assertThat(d.text().pages()).containsExactly(
                    new TextPage(1, List.of("# サイバーセキュリティ政策の方向性（案）", "令和６年６月２４日", "## １．はじめに",
                            "本案は「ＩＣＴサイバーセキュリティ政策」の方向性を示すものである。注1")),
                    new TextPage(2, List.of("## ２．現状と課題", "脆弱性対策の強化が求められている。")),
                    new TextPage(3, List.of("## ３．おわりに", "引き続き検討を進める。")));
        }

        @Test
        void plainTextAsPdftotextWritesItHasAPagePerFormFeedAndNoPageAfterTheLast() {
            ReadDocument d = extraction.read(resource("draft-ja.txt"), "draft-ja.txt", "text/plain; charset=UTF-8");

            assertThat(d.mediaType()).isEqualTo("text/plain");
            assertThat(d.text().pages()).containsExactly(
                    new TextPage(1, List.of("サイバーセキュリティ政策の方向性（案）", "令和６年６月２４日", "１．はじめに",
                            "本案は「ＩＣＴサイバーセキュリティ政策」の", "方向性を示すものである。注1")),
                    new TextPage(2, List.of("２．現状と課題", "脆弱性対策の強化が求められている。")));
        }

        @Test
        void textIsPutInNfcAndNothingMore() {
            String decomposed = "カ\u3099イドライン１２３ ＡＢＣ\n";
            ReadDocument d = extraction.read(decomposed.getBytes(StandardCharsets.UTF_8), null, null);

            assertThat(d.text().pages()).containsExactly(new TextPage(1, List.of("ガイドライン１２３ ＡＢＣ")));
        }

        @Test
        void aDocxPageEndsAtItsPageBreakAndALineBreakStartsANewLine() {
            ReadDocument d = extraction.read(docx(), "draft.docx", DOCX_TYPE);

            assertThat(d.mediaType()).isEqualTo(DOCX_TYPE);
            assertThat(d.text().pages()).containsExactly(
                    new TextPage(1, List.of("１．はじめに", "本案は「ＩＣＴ」の", "方向性を示す。注1")),
                    new TextPage(2, List.of("２．現状と課題")));
        }

        @Test
        void aDocxWithoutPageBreaksIsOnePage() throws IOException {
            byte[] bytes;
            try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                doc.createParagraph().createRun().setText("第１章");
                doc.createParagraph().createRun().setText("第２章");
                doc.write(out);
                bytes = out.toByteArray();
            }
            assertThat(extraction.read(bytes, "d.docx", null).text().pages())
                    .containsExactly(new TextPage(1, List.of("第１章", "第２章")));
        }

        @Test
        void anOctetStreamIsToldByItsContent() {
            assertThat(extraction.read(resource("draft-ja.pdf"), "upload", "application/octet-stream").mediaType())
                    .isEqualTo(PDF_TYPE);
        }

        @Test
        void aFolderSentWithTheNameIsDropped() {
            assertThat(extraction.read(resource("draft-ja.md"), "C:\\drafts\\案.md", null).fileName()).isEqualTo("案.md");
        }
    }

    @Nested
    class Refusing {
        private void refused(byte[] bytes, String name, String type, String rule) {
            assertThatThrownBy(() -> extraction.read(bytes, name, type))
                    .isInstanceOfSatisfying(RefusedDocument.class, e -> assertThat(e.rule()).isEqualTo(rule));
        }

        @Test
        void anEmptyFile() {
            refused(new byte[0], "draft.pdf", PDF_TYPE, RefusedDocument.EMPTY);
        }

        @Test
        void aFileOverTheLimit() {
            Extraction small = new Extraction(1_000);
            assertThatThrownBy(() -> small.read(new byte[1_001], "a.txt", "text/plain"))
                    .isInstanceOfSatisfying(RefusedDocument.class, e -> {
                        assertThat(e.rule()).isEqualTo(RefusedDocument.TOO_LARGE);
                        assertThat(e.getMessage()).isEqualTo("The file is 1001 bytes; a version's document is at "
                                + "most 1000 bytes (shingi.documents.max-size).");
                    });
        }

        @Test
        void textDeclaredAsPdf() {
            refused(resource("draft-ja.md"), "draft.md", PDF_TYPE, RefusedDocument.TYPE_MISMATCH);
        }

        @Test
        void aPdfNamedAsDocx() {
            assertThatThrownBy(() -> extraction.read(resource("draft-ja.pdf"), "draft.docx", null))
                    .isInstanceOfSatisfying(RefusedDocument.class, e -> {
                        assertThat(e.rule()).isEqualTo(RefusedDocument.TYPE_MISMATCH);
                        assertThat(e.getMessage()).isEqualTo("The file is not what its name 'draft.docx' says: its "
                                + "content is a PDF.");
                    });
        }

        @Test
        void aDocxDeclaredAsText() {
            refused(docx(), "draft.txt", "text/plain", RefusedDocument.TYPE_MISMATCH);
        }

        @Test
        void bytesOfNoKindWeRead() {
            refused(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 1, 2}, null, null, RefusedDocument.UNSUPPORTED);
        }

        @Test
        void textThatIsNotUtf8() {
            refused("脆弱性".getBytes(java.nio.charset.Charset.forName("Shift_JIS")), "a.txt", "text/plain",
                    RefusedDocument.TYPE_MISMATCH);
        }

        @Test
        void anEncryptedPdfEvenOneThatOpensWithoutAPassword() {
            refused(encryptedPdf(), "draft.pdf", PDF_TYPE, RefusedDocument.ENCRYPTED);
        }

        @Test
        void aPdfThatIsOnlyItsHeader() {
            refused("%PDF-1.7\nnot a pdf at all".getBytes(StandardCharsets.US_ASCII), "draft.pdf", PDF_TYPE,
                    RefusedDocument.UNREADABLE);
        }
    }
}
