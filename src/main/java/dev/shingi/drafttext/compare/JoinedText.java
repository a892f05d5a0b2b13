package dev.shingi.drafttext.compare;

import dev.shingi.drafttext.api.DocumentText;
import dev.shingi.drafttext.api.TextPage;

import java.util.Arrays;

/**
 * A version's text as one string, each character remembering the page and line it came from. Lines are joined the
 * way a reader reads a justified page: Japanese runs straight on (PDF extraction breaks lines mid-sentence), Latin
 * words keep one space between them. Runs of white space read as one space between Latin words and as nothing next to
 * Japanese (extraction puts spaces between kana and kanji at will, and an ideographic space after a heading's
 * number is layout), so that extraction's spacing never counts as a change.
 */
final class JoinedText {
    private final String text;
    private final int[] pages;
    private final int[] lines;
    private final boolean[] lineStarts;
    private final int[] pageStarts;
    private final int pageCount;

    private JoinedText(String text, int[] pages, int[] lines, boolean[] lineStarts, int[] pageStarts, int pageCount) {
        this.text = text;
        this.pages = pages;
        this.lines = lines;
        this.lineStarts = lineStarts;
        this.pageStarts = pageStarts;
        this.pageCount = pageCount;
    }

    static JoinedText of(DocumentText document) {
        int capacity = 16;
        for (TextPage page : document.pages()) {
            for (String line : page.lines()) {
                capacity += line.length() + 1;
            }
        }
        StringBuilder text = new StringBuilder(capacity);
        int[] pages = new int[capacity];
        int[] lines = new int[capacity];
        boolean[] lineStarts = new boolean[capacity];
        int pageCount = document.pages().size();
        int[] pageStarts = new int[pageCount + 2];
        for (int p = 1; p <= pageCount; p++) {
            pageStarts[p] = text.length();
            TextPage page = document.pages().get(p - 1);
            for (int l = 1; l <= page.lines().size(); l++) {
                String line = collapse(page.lines().get(l - 1));
                if (line.isEmpty()) {
                    continue;
                }
                if (!text.isEmpty() && needsSpace(text.charAt(text.length() - 1), line.charAt(0))) {
                    pages[text.length()] = pages[text.length() - 1];
                    lines[text.length()] = lines[text.length() - 1];
                    text.append(' ');
                }
                lineStarts[text.length()] = true;
                for (int i = 0; i < line.length(); i++) {
                    pages[text.length()] = p;
                    lines[text.length()] = l;
                    text.append(line.charAt(i));
                }
            }
        }
        pageStarts[pageCount + 1] = text.length();
        int n = text.length();
        return new JoinedText(text.toString(), Arrays.copyOf(pages, n), Arrays.copyOf(lines, n),
                Arrays.copyOf(lineStarts, n), pageStarts, pageCount);
    }

    /** A passage as a reader wrote it (a quote, perhaps over several lines), spaced as this text is. */
    static String normalizeQuote(String quote) {
        String[] parts = quote.split("\\R");
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            String line = collapse(part);
            if (line.isEmpty()) {
                continue;
            }
            if (!out.isEmpty() && needsSpace(out.charAt(out.length() - 1), line.charAt(0))) {
                out.append(' ');
            }
            out.append(line);
        }
        return out.toString();
    }

    private static String collapse(String line) {
        StringBuilder out = new StringBuilder(line.length());
        boolean space = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = !out.isEmpty();
            } else {
                if (space && needsSpace(out.charAt(out.length() - 1), c)) {
                    out.append(' ');
                }
                space = false;
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean needsSpace(char before, char after) {
        return before < 0x2E80 && after < 0x2E80 && !Character.isWhitespace(before) && !Character.isWhitespace(after);
    }

    String text() {
        return text;
    }

    int length() {
        return text.length();
    }

    char charAt(int i) {
        return text.charAt(i);
    }

    boolean startsLine(int i) {
        return lineStarts[i];
    }

    int pageCount() {
        return pageCount;
    }

    /** The page of the character at {@code i}; past the end, the last character's (page 1 when there is none). */
    int pageAt(int i) {
        if (text.isEmpty()) {
            return 1;
        }
        return pages[Math.max(0, Math.min(i, text.length() - 1))];
    }

    int lineAt(int i) {
        if (text.isEmpty()) {
            return 1;
        }
        return lines[Math.max(0, Math.min(i, text.length() - 1))];
    }

    /** Where page {@code page}'s text starts and ends ([start, end)); an empty range for a page with no text. */
    int pageStart(int page) {
        return pageStarts[page];
    }

    int pageEnd(int page) {
        return pageStarts[page + 1];
    }

    /** The [start, end) range of line {@code line} of page {@code page}, or null when the page has no such line. */
    int[] lineRange(int page, int line) {
        if (page < 1 || page > pageCount) {
            return null;
        }
        int start = -1;
        int end = -1;
        for (int i = pageStart(page); i < pageEnd(page); i++) {
            if (pages[i] == page && lines[i] == line && text.charAt(i) != ' ') {
                start = start < 0 ? i : start;
                end = i + 1;
            }
        }
        return start < 0 ? null : new int[] {start, end};
    }
}
