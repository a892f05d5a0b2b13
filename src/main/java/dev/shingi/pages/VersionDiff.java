package dev.shingi.pages;

import dev.shingi.drafttext.api.TextChange;
import dev.shingi.pages.TextSegments.Segment;
import dev.shingi.pages.TextSegments.WordChange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed from version {@code from} to version {@code to}, as the side-by-side page shows it: the changes of
 * {@code GET …/versions/{to}/diff?from={from}} grouped by the page of the later version they are on, each with its
 * old and new text cut into the words only that side has.
 */
public record VersionDiff(int from, int to, List<PageChanges> pages) {

    /** The kind of a change, as its row is styled: a passage edited, put in, or taken out. */
    public enum Kind { EDITED, INSERTED, DELETED }

    /** One change: where and what, its kind, and each side's words, the ones only that side has marked. */
    public record Change(TextChange at, Kind kind, List<Segment> old, List<Segment> now) {
        static Change of(TextChange c) {
            Kind kind = c.oldText().isEmpty() ? Kind.INSERTED : c.newText().isEmpty() ? Kind.DELETED : Kind.EDITED;
            WordChange words = TextSegments.words(c.oldText(), c.newText());
            return new Change(c, kind, words.old(), words.changed());
        }
    }

    /** The changes on page {@code page} of the later version, in the order of the text. */
    public record PageChanges(int page, List<Change> changes) {
    }

    static VersionDiff of(int from, int to, List<TextChange> changes) {
        Map<Integer, List<Change>> byPage = new LinkedHashMap<>();
        for (TextChange c : changes) {
            byPage.computeIfAbsent(c.toPage(), p -> new ArrayList<>()).add(Change.of(c));
        }
        List<PageChanges> pages = new ArrayList<>();
        byPage.forEach((page, list) -> pages.add(new PageChanges(page, List.copyOf(list))));
        return new VersionDiff(from, to, List.copyOf(pages));
    }

    public boolean isEmpty() {
        return pages.isEmpty();
    }
}
