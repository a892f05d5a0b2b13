package dev.shingi.drafttext.extract;

import dev.shingi.drafttext.api.TextPage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Markdown or plain text (UTF-8, checked by {@link Detection}): a form feed (U+000C) ends a page, as pdftotext writes
 * them; a file without one is one page. The form feed after the last page is not a page of its own. Markdown is kept
 * as written (a heading's {@code #} is part of its line): its words are the source's, and nothing renders it here.
 */
final class PlainPages {
    private PlainPages() {
    }

    static List<TextPage> read(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] parts = text.split("\f", -1);
        int count = parts.length;
        if (count > 1 && parts[count - 1].isBlank()) {
            count--;
        }
        List<TextPage> pages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            pages.add(PageLines.of(i + 1, parts[i]));
        }
        return pages;
    }
}
