package dev.shingi.drafttext.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts a {@link JoinedText} into the units a change is reported in: sentences. A sentence ends at 。．！？ (with the
 * closing brackets after it), or at . ! ? followed by a space or the end (so "p.12" and "1.5" stay whole). Text with
 * no such mark (headings, item lists, tables) would run on for pages, so a unit also ends at a line break before a
 * line that opens an item (○ ・ ■ ※, （１）, (1)) or a heading (第３章, 第2節, １．), after a heading's line, and at the
 * first line break once a unit is long.
 */
final class Sentences {
    /** A unit may end at a line break once it is this long: about three lines of a Japanese A4 page. */
    static final int LONG = 120;
    private static final String FULL_STOPS = "。．！？";
    private static final String LATIN_STOPS = ".!?";
    private static final String CLOSERS = "」』）)］]〕”’\"'";
    private static final String ITEM_MARKS = "○●◯◎・■□◆◇※";
    private static final Pattern HEADING = Pattern.compile(
            "(第[0-9０-９一二三四五六七八九十百]+[章節部款項]|[0-9０-９]+[．.][^0-9０-９]).*");

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
        boolean heading = n > 0 && opensHeading(text, 0);
        for (int i = 0; i < n; i++) {
            if (i > start && joined.startsLine(i)
                    && (heading || opensItem(text, i) || opensHeading(text, i) || i - start >= LONG)) {
                add(units, text, start, i);
                start = i;
            }
            if (i == start) {
                heading = joined.startsLine(i) && opensHeading(text, i);
            }
            char c = text.charAt(i);
            boolean stop = FULL_STOPS.indexOf(c) >= 0
                    || LATIN_STOPS.indexOf(c) >= 0 && (i + 1 == n || text.charAt(i + 1) == ' ');
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

    private static boolean opensHeading(String text, int i) {
        return HEADING.matcher(text.subSequence(i, Math.min(text.length(), i + 12))).lookingAt();
    }

    private static boolean opensItem(String text, int i) {
        char c = text.charAt(i);
        if (ITEM_MARKS.indexOf(c) >= 0) {
            return true;
        }
        return (c == '（' || c == '(') && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1));
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
