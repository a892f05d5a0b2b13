package dev.shingi.pages;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line or a passage cut into runs, each marked or not: the quoted passages of comments on a line of the text page
 * ({@code <mark>}), and the words a change took out or put in on the diff page ({@code <del>}, {@code <ins>}).
 */
public final class TextSegments {
    /** A run of text, and whether it is marked. */
    public record Segment(String text, boolean marked) {
    }

    /**
     * One token per Han, kana or other CJK character (Japanese has no spaces to cut words at), else a run of letters
     * and digits, a run of spaces, or one other character.
     */
    private static final Pattern TOKEN = Pattern.compile(
            "[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]|[\\p{L}\\p{N}&&[^\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]]+"
                    + "|\\s+|.", Pattern.DOTALL);

    private TextSegments() {
    }

    /** {@code text} with the characters where {@code marked[i]} is true as marked runs. */
    static List<Segment> of(String text, boolean[] marked) {
        List<Segment> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || marked[i] != marked[start]) {
                out.add(new Segment(text.substring(start, i), marked[start]));
                start = i;
            }
        }
        return out;
    }

    /** The whole text, unmarked (or marked, for a passage that is all new or all gone); none for an empty text. */
    static List<Segment> whole(String text, boolean marked) {
        return text.isEmpty() ? List.of() : List.of(new Segment(text, marked));
    }

    /** Old and new text of one change, each with the words only it has marked. */
    record WordChange(List<Segment> old, List<Segment> changed) {
    }

    /**
     * The words {@code oldText} has and {@code newText} lacks, and the other way round, token by token (the diff of
     * java-diff-utils); a side that is empty (an insertion, a deletion) makes the other one marked whole.
     */
    static WordChange words(String oldText, String newText) {
        if (oldText.isEmpty() || newText.isEmpty()) {
            return new WordChange(whole(oldText, true), whole(newText, true));
        }
        List<int[]> oldTokens = tokens(oldText);
        List<int[]> newTokens = tokens(newText);
        List<String> a = words(oldText, oldTokens);
        List<String> b = words(newText, newTokens);
        boolean[] oldMarked = new boolean[oldText.length()];
        boolean[] newMarked = new boolean[newText.length()];
        for (AbstractDelta<String> d : DiffUtils.diff(a, b).getDeltas()) {
            mark(oldMarked, oldTokens, d.getSource().getPosition(), d.getSource().size());
            mark(newMarked, newTokens, d.getTarget().getPosition(), d.getTarget().size());
        }
        return new WordChange(of(oldText, oldMarked), of(newText, newMarked));
    }

    private static List<int[]> tokens(String text) {
        List<int[]> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            out.add(new int[]{m.start(), m.end()});
        }
        return out;
    }

    private static List<String> words(String text, List<int[]> tokens) {
        return tokens.stream().map(t -> text.substring(t[0], t[1])).toList();
    }

    private static void mark(boolean[] marked, List<int[]> tokens, int from, int count) {
        for (int i = from; i < from + count; i++) {
            for (int c = tokens.get(i)[0]; c < tokens.get(i)[1]; c++) {
                marked[c] = true;
            }
        }
    }
}
