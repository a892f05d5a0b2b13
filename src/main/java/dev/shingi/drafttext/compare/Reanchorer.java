package dev.shingi.drafttext.compare;

import dev.shingi.drafttext.api.AnchorStatus;
import dev.shingi.drafttext.api.CommentAnchor;
import dev.shingi.drafttext.api.Reanchoring;
import dev.shingi.drafttext.api.Spot;
import dev.shingi.drafttext.compare.Alignment.Span;
import dev.shingi.drafttext.compare.Sentences.Unit;

import java.util.List;

/**
 * Follows one comment's passage from the older version to the newer. The passage is found in the older text (the
 * quote on its page, told apart by prefix/suffix and then by nearness to its line; without a quote, the line's or the
 * page's text), and then judged by the sentence alignment alone, never by resemblance:
 * <ul>
 *   <li>every sentence it touches is unchanged, they follow each other in the newer version as they did, and the
 *       newer text at that place reads character for character as the passage did: {@code CARRIED} when it starts on
 *       the same page and line, {@code MOVED} when elsewhere;</li>
 *   <li>a sentence it touches was taken away with nothing in its place, or nothing like it among a run of new
 *       sentences of a different length: {@code ORPHANED};</li>
 *   <li>anything else, including an unchanged sentence whose pairing is a guess (its text occurs twice and its
 *       neighbours do not pair up): {@code CHANGED}, with the old sentence(s) and the new text in their place.</li>
 * </ul>
 */
final class Reanchorer {
    /** Below this likeness a new sentence in a run of a different length is not taken for the old one rewritten. */
    static final double UNRELATED = 0.3;
    private final Comparison comparison;
    private final JoinedText older;
    private final JoinedText newer;
    private final Alignment alignment;

    /** A result and the spans (changes) it fell in, [firstSpan, lastSpan], or -1 when it fell in none. */
    record Placed(Reanchoring result, int firstSpan, int lastSpan) {
    }

    Reanchorer(Comparison comparison) {
        this.comparison = comparison;
        this.older = comparison.older;
        this.newer = comparison.newer;
        this.alignment = comparison.alignment;
    }

    /** Null when the anchor points nowhere in the text (no quote and no page). */
    Placed place(CommentAnchor anchor) {
        String quote = anchor.quote() == null ? "" : JoinedText.normalizeQuote(anchor.quote());
        if (quote.isEmpty() && anchor.page() == null) {
            return null;
        }
        int[] passage = quote.isEmpty() ? byPlace(anchor) : new QuoteFinder(older).find(quote, anchor);
        if (passage == null) {
            Spot from = new Spot(anchor.page(), anchor.line(), quote.isEmpty() ? null : quote);
            return new Placed(new Reanchoring(anchor.commentId(), AnchorStatus.ORPHANED, from, null, null, null), -1, -1);
        }
        int s = passage[0];
        int e = passage[1];
        Spot from = new Spot(older.pageAt(s), older.lineAt(s), older.text().substring(s, e));
        List<Unit> units = alignment.older;
        int first = firstUnitEndingAfter(units, s);
        int last = lastUnitStartingBefore(units, e);
        if (first > last) {
            // Only spacing between sentences: judged with the sentence after it.
            last = first = Math.min(first, units.size() - 1);
        }
        Integer target = unchangedTarget(first, last, s, e);
        if (target != null) {
            AnchorStatus status = newer.pageAt(target) == from.page() && newer.lineAt(target) == from.line()
                    ? AnchorStatus.CARRIED : AnchorStatus.MOVED;
            return new Placed(new Reanchoring(anchor.commentId(), status, from,
                    new Spot(newer.pageAt(target), newer.lineAt(target), null), null, null), -1, -1);
        }
        return changed(anchor.commentId(), from, first, last);
    }

    private int[] byPlace(CommentAnchor anchor) {
        if (anchor.line() != null) {
            return older.lineRange(anchor.page(), anchor.line());
        }
        if (anchor.page() < 1 || anchor.page() > older.pageCount()) {
            return null;
        }
        int start = older.pageStart(anchor.page());
        int end = older.pageEnd(anchor.page());
        while (start < end && older.charAt(start) == ' ') {
            start++;
        }
        while (end > start && older.charAt(end - 1) == ' ') {
            end--;
        }
        return start < end ? new int[] {start, end} : null;
    }

    /** The newer text's offset where the unchanged passage [s, e) now starts, or null when it cannot be shown unchanged. */
    private Integer unchangedTarget(int first, int last, int s, int e) {
        int[] map = alignment.oldToNew;
        for (int u = first; u <= last; u++) {
            if (map[u] < 0 || u > first && map[u] != map[u - 1] + 1) {
                return null;
            }
        }
        boolean guessed = false;
        for (int u = first; u <= last && !guessed; u++) {
            guessed = alignment.ambiguous(u);
        }
        if (guessed && !(neighbourPairs(first - 1, map[first] - 1) && neighbourPairs(last + 1, map[last] + 1))) {
            return null;
        }
        int target = alignment.newer.get(map[first]).start() + (s - alignment.older.get(first).start());
        int length = e - s;
        if (target < 0 || target + length > newer.length()
                || !newer.text().regionMatches(target, older.text(), s, length)) {
            return null;
        }
        return target;
    }

    /**
     * Old unit {@code oldUnit} (maybe past either end) and new unit {@code newUnit} stand for each other: both past the
     * same end, paired, or both in the same change.
     */
    private boolean neighbourPairs(int oldUnit, int newUnit) {
        boolean oldOutside = oldUnit < 0 || oldUnit >= alignment.older.size();
        boolean newOutside = newUnit < 0 || newUnit >= alignment.newer.size();
        if (oldOutside || newOutside) {
            return oldOutside && newOutside;
        }
        int span = alignment.spanOfOld[oldUnit];
        if (span < 0) {
            return alignment.oldToNew[oldUnit] == newUnit;
        }
        return newUnit >= alignment.spans.get(span).tgtFrom() && newUnit < alignment.spans.get(span).tgtTo();
    }

    private Placed changed(String commentId, Spot from, int first, int last) {
        int[] map = alignment.oldToNew;
        int firstSpan = -1;
        int lastSpan = -1;
        for (int u = first; u <= last; u++) {
            int span = alignment.spanOfOld[u];
            if (span >= 0) {
                firstSpan = firstSpan < 0 ? span : firstSpan;
                lastSpan = span;
            } else if (u > first && map[u - 1] >= 0 && map[u] != map[u - 1] + 1) {
                // Sentences were put between two of the passage's: the insertion is the change.
                int between = spanInsertedBefore(map[u]);
                firstSpan = firstSpan < 0 ? between : firstSpan;
                lastSpan = Math.max(lastSpan, between);
            }
        }
        int newFrom;
        int newTo;
        if (firstSpan >= 0 && first == last && map[first] < 0) {
            Span span = alignment.spans.get(firstSpan);
            int pick = closest(first, span);
            newFrom = pick;
            newTo = pick < 0 ? -1 : pick + 1;
        } else {
            newFrom = map[first] >= 0 ? map[first] : alignment.spans.get(alignment.spanOfOld[first]).tgtFrom();
            newTo = map[last] >= 0 ? map[last] + 1 : alignment.spans.get(alignment.spanOfOld[last]).tgtTo();
        }
        String oldText = comparison.oldText(first, last + 1);
        if (newFrom < 0 || newFrom >= newTo) {
            return new Placed(new Reanchoring(commentId, AnchorStatus.ORPHANED, from, null, oldText, null),
                    firstSpan, lastSpan);
        }
        int at = alignment.newer.get(newFrom).start();
        return new Placed(new Reanchoring(commentId, AnchorStatus.CHANGED, from,
                new Spot(newer.pageAt(at), newer.lineAt(at), null), oldText, comparison.newText(newFrom, newTo)),
                firstSpan, lastSpan);
    }

    /**
     * Of the new sentences that replaced old unit {@code oldUnit}, the one in its place (as many came as went) or else
     * the one most like it; -1 when none replaced it, or, where the counts differ, none reads like it.
     */
    private int closest(int oldUnit, Span span) {
        int count = span.tgtTo() - span.tgtFrom();
        if (count == 0) {
            return -1;
        }
        if (count == span.srcTo() - span.srcFrom()) {
            return span.tgtFrom() + (oldUnit - span.srcFrom());
        }
        String text = alignment.older.get(oldUnit).text();
        int best = span.tgtFrom();
        double bestScore = -1;
        for (int t = span.tgtFrom(); t < span.tgtTo(); t++) {
            double score = Likeness.of(text, alignment.newer.get(t).text());
            if (score > bestScore) {
                bestScore = score;
                best = t;
            }
        }
        return bestScore < UNRELATED ? -1 : best;
    }

    private int spanInsertedBefore(int newUnit) {
        for (int i = 0; i < alignment.spans.size(); i++) {
            Span span = alignment.spans.get(i);
            if (span.tgtTo() == newUnit) {
                return i;
            }
        }
        return -1;
    }

    private static int firstUnitEndingAfter(List<Unit> units, int offset) {
        int lo = 0;
        int hi = units.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (units.get(mid).end() <= offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int lastUnitStartingBefore(List<Unit> units, int offset) {
        int lo = 0;
        int hi = units.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (units.get(mid).start() < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }
}
