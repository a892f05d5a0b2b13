package dev.shingi.drafttext.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a {@link JoinedText} into the units a change is reported in: sentences. A sentence ends at 。．！？ (with the
 * closing brackets after it), or at . ! ? followed by a space or the end (so "p.12" and "1.5" stay whole). Text with
 * no such mark (headings, item lists, tables) would run on for pages, so a unit also ends at a line break before a
 * line that opens an item (○ ・ ■ ※, １．, （１）, (1), 1), a Markdown {@code #}) or a heading, and at the first line
 * break once a unit is long.
 * <p>
 * A heading is a unit of its own: a line that opens with a Markdown {@code #}, or with a number or chapter mark
 * (２．, 3.2, 第3章, (1), １）) and is short, holds no sentence end (。．！？.!?) and does not end in a comma (the sentence
 * runs on). The line break after it ends the unit, and an item mark's own full stop (the ． of ２．) ends
 * nothing. Every other line break is read through, as before: Japanese PDF text breaks lines mid-sentence, also
 * before a line that opens "第３章で…" or "1.5倍…".
 */
final class Sentences {
    /** A unit may end at a line break once it is this long: about three lines of a Japanese A4 page. */
    static final int LONG = 120;
    /**
     * A numbered line at least this long is a paragraph that opens with its number, not a heading: a full line of a
     * Japanese A4 page holds about 40 characters, and a PDF only breaks a sentence at a full line.
     */
    static final int HEADING_MAX = 40;
    private static final String FULL_STOPS = "。．！？";
    private static final String LATIN_STOPS = ".!?";
    private static final String RUNS_ON = "、，,";
    private static final String CLOSERS = "」』）)］]〕”’\"'";
    private static final String ITEM_MARKS = "○●◯◎・■□◆◇※";
    private static final String NUMERALS = "0-9０-９一二三四五六七八九十百";
    /**
     * The marks an item or heading opens with, a line break before them ending a unit whatever follows: a Markdown
     * {@code #} (a heading at any length), １． 2. (not 1.5), （１） (2) 3).
     */
    private static final Pattern ITEM_MARK = Pattern.compile(
            "#{1,6}|[0-9０-９]+[．.](?![0-9０-９])|[（(][" + NUMERALS + "]+[）)]|[0-9０-９]+[）)]");
    /**
     * The marks that open a heading only when the line is one (short, not ended as a sentence): 第3章 and 3.2 also
     * open a sentence a PDF broke before them ("詳細は" / "第３章で述べる。", "前年の" / "1.5倍に").
     */
    private static final Pattern HEADING_MARK = Pattern.compile(
            "第[" + NUMERALS + "]+[章節部款項条]|[0-9０-９]+(?:[．.][0-9０-９]+)+[．.]?(?![0-9０-９])");

    private Sentences() {
    }

    /** One unit: its [start, end) in the joined text (no surrounding space) and what it reads. */
    record Unit(int start, int end, String text) {
    }

    static List<Unit> of(JoinedText joined) {
        List<Unit> units = new ArrayList<>();
        String text = joined.text();
        int n = text.length();
        int start = 0;
        int markEnd = 0;
        for (int i = 0; i < n; i++) {
            if (joined.startsLine(i)) {
                int lineEnd = lineEnd(joined, i);
                int item = markLength(ITEM_MARK, text, i, lineEnd);
                int mark = item > 0 ? item : markLength(HEADING_MARK, text, i, lineEnd);
                boolean heading = mark > 0 && isHeading(text, i, lineEnd, mark);
                if (i > start && (item > 0 || heading || opensItem(text, i) || i - start >= LONG)) {
                    add(units, text, start, i);
                    start = i;
                }
                if (heading) {
                    add(units, text, i, lineEnd);
                    start = lineEnd;
                    i = lineEnd - 1;
                    continue;
                }
                markEnd = i + item;
            }
            char c = text.charAt(i);
            boolean stop = i >= markEnd && (FULL_STOPS.indexOf(c) >= 0
                    || LATIN_STOPS.indexOf(c) >= 0 && (i + 1 == n || text.charAt(i + 1) == ' '));
            if (stop) {
                int end = i + 1;
                while (end < n && CLOSERS.indexOf(text.charAt(end)) >= 0) {
                    end++;
                }
                add(units, text, start, end);
                start = end;
                i = end - 1;
            }
        }
        add(units, text, start, n);
        return units;
    }

    /** Where the line starting at {@code i} ends: at the next line's start, or the end of the text. */
    private static int lineEnd(JoinedText joined, int i) {
        int j = i + 1;
        while (j < joined.length() && !joined.startsLine(j)) {
            j++;
        }
        return j;
    }

    /** The length of the heading or numbering mark the line [i, lineEnd) opens with; 0 when it opens with none. */
    private static int markLength(Pattern mark, String text, int i, int lineEnd) {
        Matcher m = mark.matcher(text).region(i, lineEnd);
        return m.lookingAt() ? m.end() - i : 0;
    }

    private static boolean isHeading(String text, int i, int lineEnd, int mark) {
        if (text.charAt(i) == '#') {
            return true;
        }
        int end = lineEnd;
        while (end > i && text.charAt(end - 1) == ' ') {
            end--;
        }
        if (end - i <= mark) {
            return true;
        }
        if (end - i >= HEADING_MAX) {
            return false;
        }
        for (int j = i + mark; j < end; j++) {
            char c = text.charAt(j);
            if (FULL_STOPS.indexOf(c) >= 0 || LATIN_STOPS.indexOf(c) >= 0 && (j + 1 == end || text.charAt(j + 1) == ' ')) {
                return false;
            }
        }
        int last = end - 1;
        while (last > i + mark && CLOSERS.indexOf(text.charAt(last)) >= 0) {
            last--;
        }
        return RUNS_ON.indexOf(text.charAt(last)) < 0;
    }

    private static boolean opensItem(String text, int i) {
        return ITEM_MARKS.indexOf(text.charAt(i)) >= 0;
    }

    private static void add(List<Unit> units, String text, int start, int end) {
        while (start < end && text.charAt(start) == ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == ' ') {
            end--;
        }
        if (start < end) {
            units.add(new Unit(start, end, text.substring(start, end)));
        }
    }
}
