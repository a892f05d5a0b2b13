package dev.shingi.drafttext.extract;

import dev.shingi.drafttext.api.TextPage;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * A page's text as the lines a reader counts: split at line breaks, each line stripped of the white space around it
 * and put in Unicode NFC (which leaves full-width digits, 「」 and 注1 as they are), blank lines dropped. Nothing else is
 * changed or dropped: a running header or page number is kept, since no reader can be certain which lines they are.
 */
final class PageLines {
    private PageLines() {
    }

    static TextPage of(int page, String text) {
        List<String> lines = new ArrayList<>();
        for (String raw : text.split("\r\n|\r|\n|\u2028|\u2029", -1)) {
            String line = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return new TextPage(page, lines);
    }
}
