package dev.shingi.drafttext.extract;

import dev.shingi.drafttext.api.RefusedDocument;
import dev.shingi.drafttext.api.TextPage;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlCursor;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBrType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A DOCX's pages of lines, with POI. A DOCX has no pages of its own, only what Word laid out when it last saved:
 * pages end at explicit page breaks ({@code <w:br w:type="page"/>}, a paragraph's "page break before") and where Word
 * last broke them ({@code <w:lastRenderedPageBreak/>}); a document with none of these is one page. Breaks with no text
 * between them make no empty page. Each paragraph is a line (and each line break within it); a table's cells give
 * their paragraphs in reading order. Footnotes, headers and footers are not read.
 */
final class DocxPages {
    private final List<TextPage> pages = new ArrayList<>();
    private StringBuilder page = new StringBuilder();

    private DocxPages() {
    }

    static List<TextPage> read(byte[] bytes) {
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            DocxPages reader = new DocxPages();
            for (IBodyElement element : docx.getBodyElements()) {
                if (element instanceof XWPFParagraph p) {
                    reader.paragraph(p);
                } else if (element instanceof XWPFTable t) {
                    reader.table(t);
                }
            }
            return reader.finish();
        } catch (IOException | RuntimeException e) {
            if (e instanceof RefusedDocument refused) {
                throw refused;
            }
            throw new RefusedDocument(RefusedDocument.UNREADABLE, "The file is a ZIP holding a Word document but "
                    + "cannot be read as a DOCX (" + e.getMessage() + ").");
        }
    }

    private void paragraph(XWPFParagraph p) {
        if (p.isPageBreak()) {
            breakPage();
        }
        for (XWPFRun run : p.getRuns()) {
            try (XmlCursor c = run.getCTR().newCursor()) {
                for (boolean more = c.toFirstChild(); more; more = c.toNextSibling()) {
                    Object o = c.getObject();
                    String name = c.getName().getLocalPart();
                    if (o instanceof CTText t) {
                        page.append(t.getStringValue());
                    } else if (o instanceof CTBr br) {
                        if (br.getType() == STBrType.PAGE) {
                            breakPage();
                        } else {
                            page.append('\n');
                        }
                    } else if (name.equals("lastRenderedPageBreak")) {
                        breakPage();
                    } else if (name.equals("tab")) {
                        page.append('\t');
                    }
                }
            }
        }
        page.append('\n');
    }

    private void table(XWPFTable table) {
        for (XWPFTableRow row : table.getRows()) {
            for (XWPFTableCell cell : row.getTableCells()) {
                for (XWPFParagraph p : cell.getParagraphs()) {
                    page.append(p.getText()).append('\n');
                }
            }
        }
    }

    private void breakPage() {
        if (!page.toString().isBlank()) {
            pages.add(PageLines.of(pages.size() + 1, page.toString()));
            page = new StringBuilder();
        }
    }

    private List<TextPage> finish() {
        if (!page.toString().isBlank() || pages.isEmpty()) {
            pages.add(PageLines.of(pages.size() + 1, page.toString()));
        }
        return pages;
    }
}
