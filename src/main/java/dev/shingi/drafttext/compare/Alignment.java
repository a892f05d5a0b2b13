package dev.shingi.drafttext.compare;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import dev.shingi.drafttext.compare.Sentences.Unit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sentences of two versions lined up by java-diff-utils (Myers), then {@linkplain Compaction compacted}: each run of
 * old sentences that changed, with the new sentences in its place ({@link Span}), and for every old sentence that did
 * not change, the new one it is.
 */
final class Alignment {
    /** Old units [srcFrom, srcTo) became new units [tgtFrom, tgtTo); either side may be empty. */
    record Span(int srcFrom, int srcTo, int tgtFrom, int tgtTo) {
    }

    final List<Unit> older;
    final List<Unit> newer;
    final List<Span> spans;
    /** For each old unit, the new unit that reads the same, or -1 when it is part of a span. */
    final int[] oldToNew;
    /** For each old unit, the span it belongs to, or -1. */
    final int[] spanOfOld;
    private final Map<String, Integer> oldCounts;
    private final Map<String, Integer> newCounts;

    private Alignment(List<Unit> older, List<Unit> newer, List<Span> spans, int[] oldToNew, int[] spanOfOld) {
        this.older = older;
        this.newer = newer;
        this.spans = spans;
        this.oldToNew = oldToNew;
        this.spanOfOld = spanOfOld;
        this.oldCounts = counts(older);
        this.newCounts = counts(newer);
    }

    static Alignment of(List<Unit> older, List<Unit> newer) {
        List<String> oldTexts = texts(older);
        List<String> newTexts = texts(newer);
        int[] oldToNew = new int[older.size()];
        Arrays.fill(oldToNew, -1);
        int src = 0;
        int tgt = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(oldTexts, newTexts).getDeltas()) {
            while (src < delta.getSource().getPosition()) {
                oldToNew[src++] = tgt++;
            }
            src += delta.getSource().size();
            tgt = delta.getTarget().getPosition() + delta.getTarget().size();
        }
        while (src < older.size()) {
            oldToNew[src++] = tgt++;
        }
        int[] newToOld = inverse(oldToNew, newer.size());
        Compaction.slide(oldToNew, newToOld, oldTexts);
        Compaction.slide(newToOld, oldToNew, newTexts);
        List<Span> spans = new ArrayList<>();
        int[] spanOfOld = new int[older.size()];
        Arrays.fill(spanOfOld, -1);
        int o = 0;
        int n = 0;
        while (o < older.size() || n < newer.size()) {
            if (o < older.size() && n < newer.size() && oldToNew[o] == n) {
                o++;
                n++;
                continue;
            }
            int srcFrom = o;
            int tgtFrom = n;
            while (o < older.size() && oldToNew[o] < 0) {
                spanOfOld[o++] = spans.size();
            }
            while (n < newer.size() && newToOld[n] < 0) {
                n++;
            }
            spans.add(new Span(srcFrom, o, tgtFrom, n));
        }
        return new Alignment(older, newer, spans, oldToNew, spanOfOld);
    }

    private static int[] inverse(int[] map, int size) {
        int[] inverse = new int[size];
        Arrays.fill(inverse, -1);
        for (int i = 0; i < map.length; i++) {
            if (map[i] >= 0) {
                inverse[map[i]] = i;
            }
        }
        return inverse;
    }

    /** Whether an unchanged old unit's text occurs more than once in either version (so its pairing may be a guess). */
    boolean ambiguous(int oldUnit) {
        String text = older.get(oldUnit).text();
        return oldCounts.getOrDefault(text, 0) > 1 || newCounts.getOrDefault(text, 0) > 1;
    }

    private static List<String> texts(List<Unit> units) {
        List<String> texts = new ArrayList<>(units.size());
        units.forEach(u -> texts.add(u.text()));
        return texts;
    }

    private static Map<String, Integer> counts(List<Unit> units) {
        Map<String, Integer> counts = new HashMap<>();
        units.forEach(u -> counts.merge(u.text(), 1, Integer::sum));
        return counts;
    }
}
