package dev.shingi.testing;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Two real versions of one draft, as the version-comparison tests publish them: a Japanese Markdown pair (pages split
 * by form feeds) and an English PDF pair written by PDFBox. Between v1 and v2 one sentence is edited (p.2), one is
 * deleted (p.2), one is inserted (p.3) and so moves the last sentence down a line; the first page is unchanged.
 */
public final class TwoVersions {
    private TwoVersions() {
    }

    public static final String MARKDOWN_V1 = """
            # サイバーセキュリティ政策の方向性（案）

            ## １．はじめに

            本案は「ＩＣＴサイバーセキュリティ政策」の方向性を示すものである。
            \f
            ## ２．現状と課題

            脆弱性対策の強化が求められている。

            「重要インフラ」の定義は第３章による。
            \f
            ## ３．おわりに

            今後の方針を示した。

            引き続き検討を進める。
            """;

    public static final String MARKDOWN_V2 = """
            # サイバーセキュリティ政策の方向性（案）

            ## １．はじめに

            本案は「ＩＣＴサイバーセキュリティ政策」の方向性を示すものである。
            \f
            ## ２．現状と課題

            脆弱性対策の一層の強化が求められている。
            \f
            ## ３．おわりに

            今後の方針を示した。

            人材育成にも取り組む。

            引き続き検討を進める。
            """;

    public static byte[] markdown(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static final List<List<String>> PDF_V1 = List.of(
            List.of("Cyber security policy (draft)", "1. Introduction", "This draft sets out the direction."),
            List.of("2. Current issues", "Vulnerability handling must be strengthened.",
                    "Critical infrastructure is defined in chapter 3."),
            List.of("3. Closing", "The plan is set out above.", "Work will continue."));

    public static final List<List<String>> PDF_V2 = List.of(
            List.of("Cyber security policy (draft)", "1. Introduction", "This draft sets out the direction."),
            List.of("2. Current issues", "Vulnerability handling must be strengthened further."),
            List.of("3. Closing", "The plan is set out above.", "Skills will be developed too.",
                    "Work will continue."));

    /** A PDF of these pages, one line of Helvetica per string, as PDFBox writes it. */
    public static byte[] pdf(List<List<String>> pages) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (List<String> lines : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                    s.beginText();
                    s.setFont(font, 12);
                    s.setLeading(18);
                    s.newLineAtOffset(72, 760);
                    for (String line : lines) {
                        s.showText(line);
                        s.newLine();
                    }
                    s.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
