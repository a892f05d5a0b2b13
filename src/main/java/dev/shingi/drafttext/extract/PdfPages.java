package dev.shingi.drafttext.extract;

import dev.shingi.drafttext.api.RefusedDocument;
import dev.shingi.drafttext.api.TextPage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A PDF's pages of lines, with PDFBox: one text pass over the whole document, each page ended by a form feed, so the
 * page boundaries are the PDF's own. Text comes in content order (as the producer wrote it), which keeps a
 * two-column page's columns apart. An encrypted PDF is refused, even one that opens without a password: its
 * permissions say the words may not be copied out, and its bytes would be kept unreadable to an auditor.
 */
final class PdfPages {
    private PdfPages() {
    }

    static List<TextPage> read(byte[] bytes) {
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            if (pdf.isEncrypted()) {
                throw encrypted();
            }
            int count = pdf.getNumberOfPages();
            if (count == 0) {
                throw new RefusedDocument(RefusedDocument.UNREADABLE, "The PDF has no pages.");
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setLineSeparator("\n");
            stripper.setPageStart("");
            stripper.setPageEnd("\f");
            String[] texts = stripper.getText(pdf).split("\f", -1);
            List<TextPage> pages = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                pages.add(PageLines.of(i + 1, i < texts.length ? texts[i] : ""));
            }
            return pages;
        } catch (InvalidPasswordException e) {
            throw encrypted();
        } catch (IOException | RuntimeException e) {
            if (e instanceof RefusedDocument refused) {
                throw refused;
            }
            throw new RefusedDocument(RefusedDocument.UNREADABLE, "The file starts as a PDF but cannot be read as "
                    + "one (" + e.getMessage() + ").");
        }
    }

    private static RefusedDocument encrypted() {
        return new RefusedDocument(RefusedDocument.ENCRYPTED, "The PDF is encrypted; upload it without a password "
                + "or restrictions, so that its text can be read and kept.");
    }
}
