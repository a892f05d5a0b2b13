package dev.shingi.drafttext.extract;

import dev.shingi.drafttext.api.ReadDocument;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

class ExtractionTest {
    private final Extraction extraction = new Extraction(Extraction.DEFAULT_MAX_SIZE);

    static byte[] resource(String name) {
        try (InputStream in = ExtractionTest.class.getResourceAsStream("/drafttext/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aChromiumPdfInJapaneseReadsAsItsPagesOfLines() {
        ReadDocument d = extraction.read(resource("draft-ja.pdf"), "draft-ja.pdf", "application/pdf");
        d.text().pages().forEach(p -> System.out.println(p.page() + " " + p.lines()));
    }
}
