package dev.shingi.drafttext.api;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a quoted passage in a version's text. The comparison is exact on every character except white space, which
 * it ignores: a passage wrapped over two lines reads "脆弱性対策の" + "強化" in a Japanese PDF and "the" + " " + "draft"
 * in an English one, and a commenter quoting it types neither line break. Both sides are compared in Unicode NFC
 * (full-width digits stay full-width). {@code prefix} and {@code suffix}, when given, must stand right before and after
 * the quote on the same page (W3C Web Annotation TextQuoteSelector).
 */
public final class Passages {
    private Passages() {
    }

    /** Every place the passage starts in the document, in reading order; empty when it is nowhere. */
    public static List<TextPosition> find(DocumentText text, String quote, String prefix, String suffix) {
        List<TextPosition> found = new ArrayList<>();
        for (TextPage page : text.pages()) {
            found.addAll(find(page, quote, prefix, suffix));
        }
        return found;
    }

    /** Every place the passage starts on this page. */
    public static List<TextPosition> find(TextPage page, String quote, String prefix, String suffix) {
        String q = compact(quote);
        if (q.isEmpty()) {
            return List.of();
        }
        String p = prefix == null ? "" : compact(prefix);
        String s = suffix == null ? "" : compact(suffix);
        StringBuilder chars = new StringBuilder();
        List<Integer> lineOf = new ArrayList<>();
        for (int n = 1; n <= page.lines().size(); n++) {
            String line = compact(page.line(n));
            chars.append(line);
            for (int i = 0; i < line.length(); i++) {
                lineOf.add(n);
            }
        }
        String all = chars.toString();
        List<TextPosition> found = new ArrayList<>();
        for (int at = all.indexOf(q); at >= 0; at = all.indexOf(q, at + 1)) {
            if (all.startsWith(p, at - p.length()) && all.startsWith(s, at + q.length())) {
                found.add(new TextPosition(page.page(), lineOf.get(at)));
            }
        }
        return found;
    }

    /** The text without white space, in NFC. */
    static String compact(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder s = new StringBuilder(nfc.length());
        nfc.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)).forEach(s::appendCodePoint);
        return s.toString();
    }
}
