package dev.shingi.transfer.minutes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The submitted text as clean lines that remember where they came from. PDF extraction leaves page numbers, form
 * feeds, running headers, blank lines at page breaks, stray spaces around ASCII words and digits, and full-width
 * digits; this removes them line by line, and {@link Joined} glues lines back into running text while keeping, for
 * every character, its 1-based line number in the original.
 */
final class SourceText {
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "^(?:[-‐–—―ー－]\\s*\\d{1,3}\\s*[-‐–—―ー－]|\\d{1,3}\\s*/\\s*\\d{1,3}|\\d{1,3})$");
    private static final Pattern DASHED = Pattern.compile("^[-‐–—―ー－].*[-‐–—―ー－]$|/");

    private SourceText() {
    }

    /**
     * One line after cleaning. {@code indented}: the original began with white space (a paragraph's first line in
     * Japanese documents); {@code spaceAtEnd}: the original ended with white space (so an ASCII word ends there);
     * {@code spaced}: the folded text with its spaces kept (one for each run), where a space is all that separates
     * an item's heading from its value (「開催日時 令和5年…」) or a title from a name (「政策室長 冨田泰」).
     */
    record Line(int number, String text, boolean indented, boolean spaceAtEnd, String spaced) {
        /** A line made from another's text: its spaces as written are those of {@code text}. */
        Line(int number, String text, boolean indented, boolean spaceAtEnd) {
            this(number, text, indented, spaceAtEnd, text);
        }
    }

    static List<Line> lines(String raw) {
        String[] physical = raw.split("\r\n|\r|\n", -1);
        List<Line> out = new ArrayList<>();
        List<String> firstLines = new ArrayList<>();
        boolean pageBreak = false;
        boolean inHeader = false;
        for (int i = 0; i < physical.length; i++) {
            String p = physical[i];
            if (p.indexOf('\f') >= 0) {
                pageBreak = true;
                p = p.replace("\f", "");
            }
            String folded = fold(p);
            String text = squeeze(folded);
            if (text.isEmpty()) {
                continue;
            }
            boolean breakBefore = pageBreak;
            pageBreak = false;
            if (inHeader && firstLines.contains(text)) {
                continue; // the running header's next line (「議事概要」 under the title)
            }
            inHeader = false;
            if (PAGE_NUMBER.matcher(text).matches() && isPageNumber(text, physical, i, breakBefore)) {
                continue;
            }
            if (breakBefore && firstLines.contains(text)) {
                inHeader = true;
                continue; // a running header repeated at the top of a page
            }
            if (firstLines.size() < 3) {
                firstLines.add(text);
            }
            boolean indented = !folded.isEmpty() && Character.isWhitespace(folded.charAt(0));
            boolean spaceAtEnd = !folded.isEmpty() && Character.isWhitespace(folded.charAt(folded.length() - 1));
            out.add(new Line(i + 1, text, indented, spaceAtEnd, folded.strip().replaceAll(" +", " ")));
        }
        return out;
    }

    /** The lines glued into one running text, trimmed. */
    static String text(List<Line> lines) {
        Joined j = new Joined();
        lines.forEach(l -> j.add(l, false));
        return j.text().strip();
    }

    /** [first, last] original line numbers of {@code lines}; [1, 1] when there are none. */
    static List<Integer> span(List<Line> lines) {
        return lines.isEmpty() ? List.of(1, 1) : List.of(lines.get(0).number(), lines.get(lines.size() - 1).number());
    }

    /** A line of digits alone is a page number when it is dashed, or sits at a page break or before a blank line. */
    private static boolean isPageNumber(String text, String[] physical, int i, boolean breakBefore) {
        if (DASHED.matcher(text).find() || breakBefore) {
            return true;
        }
        if (i + 1 >= physical.length) {
            return true;
        }
        String next = physical[i + 1];
        return next.indexOf('\f') >= 0 || squeeze(fold(next)).isEmpty();
    }

    /** Full-width digits and Latin letters to ASCII, the ideographic space to a space; all other marks stay. */
    static String fold(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= '０' && c <= '９') || (c >= 'Ａ' && c <= 'Ｚ') || (c >= 'ａ' && c <= 'ｚ')) {
                b.append((char) (c - 0xFEE0));
            } else if (c == '\u3000' || c == '\u00A0' || c == '\t') {
                b.append(' ');
            } else if (c == '－' || c == '‐' || c == '−') {
                b.append('-');
            } else if (c == '．') {
                b.append('.');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Trims, and drops every run of spaces that does not stand between two ASCII characters ("15 ページ", "ICT サイバー"). */
    static String squeeze(String s) {
        String t = s.strip();
        StringBuilder b = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c != ' ') {
                b.append(c);
                continue;
            }
            int j = i;
            while (j < t.length() && t.charAt(j) == ' ') {
                j++;
            }
            char before = b.isEmpty() ? ' ' : b.charAt(b.length() - 1);
            char after = j < t.length() ? t.charAt(j) : ' ';
            if (ascii(before) && ascii(after)) {
                b.append(' ');
            }
            i = j - 1;
        }
        return b.toString();
    }

    private static boolean ascii(char c) {
        return c > ' ' && c < 0x7F && c != '(' && c != ')';
    }

    /** Running text glued from lines, with the original line of every character. '\n' marks a paragraph break. */
    static final class Joined {
        private final StringBuilder text = new StringBuilder();
        private int[] lineOf = new int[64];
        private boolean lastSpaceAtEnd;

        void add(Line line, boolean newParagraph) {
            if (!text.isEmpty()) {
                char last = text.charAt(text.length() - 1);
                if (newParagraph) {
                    put('\n', line.number());
                } else if (lastSpaceAtEnd && ascii(last) && ascii(line.text().charAt(0))) {
                    put(' ', line.number()); // an ASCII phrase broken at a space: "secure by" / "design"
                }
            }
            for (int i = 0; i < line.text().length(); i++) {
                put(line.text().charAt(i), line.number());
            }
            lastSpaceAtEnd = line.spaceAtEnd();
        }

        private void put(char c, int line) {
            if (text.length() == lineOf.length) {
                lineOf = Arrays.copyOf(lineOf, lineOf.length * 2);
            }
            lineOf[text.length()] = line;
            text.append(c);
        }

        String text() {
            return text.toString();
        }

        boolean isEmpty() {
            return text.isEmpty();
        }

        /** [first, last] original lines of the characters from {@code start} (inclusive) to {@code end} (exclusive). */
        List<Integer> lines(int start, int end) {
            int s = Math.max(0, Math.min(start, text.length() - 1));
            int e = Math.max(s, Math.min(end, text.length()) - 1);
            while (e > s && Character.isWhitespace(text.charAt(e))) {
                e--;
            }
            while (s < e && Character.isWhitespace(text.charAt(s))) {
                s++;
            }
            return List.of(lineOf[s], lineOf[e]);
        }
    }
}
