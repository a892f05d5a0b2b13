package dev.shingi.pages;

import dev.shingi.deliberation.api.Anchor;
import dev.shingi.deliberation.api.CommentSummary;
import dev.shingi.deliberation.api.ParticipantRef;
import dev.shingi.drafttext.api.DocumentText;
import dev.shingi.drafttext.api.TextPage;
import dev.shingi.pages.TextSegments.Segment;

import java.util.ArrayList;
import java.util.List;

/**
 * A version's text as its page shows it: each page of the document with its lines numbered as a reader counts them
 * (the numbering of {@code GET …/versions/{n}/text}), and each comment raised on the version as a marker on the line it
 * names, or at the head of its page when it names a page alone; the passage a comment quotes is marked on that line.
 *
 * @param unplaced the comments that point at no page of this text (a general remark, a page past the end)
 */
public record VersionText(List<Page> pages, List<Marker> unplaced) {

    /** A comment's marker: its reference (a link to its thread) and who raised it. */
    public record Marker(String commentId, String reference, ParticipantRef author) {
        static Marker of(CommentSummary c) {
            return new Marker(c.commentId(), c.reference(), c.author());
        }
    }

    /** Line {@code number} of its page (from 1), cut where comments' quotes are marked, and the comments on it. */
    public record Line(int number, List<Segment> segments, List<Marker> markers) {
    }

    /** Page {@code page} (from 1), the comments on the page as a whole, and its lines. */
    public record Page(int page, List<Marker> markers, List<Line> lines) {
    }

    /** {@code text} with {@code comments} (those raised on its version, in reference order) placed on it. */
    static VersionText of(DocumentText text, List<CommentSummary> comments) {
        List<PageBuilder> pages = text.pages().stream().map(PageBuilder::new).toList();
        List<Marker> unplaced = new ArrayList<>();
        for (CommentSummary c : comments) {
            Anchor a = c.anchor() == null ? Anchor.NONE : c.anchor();
            String quote = a.quote() == null || a.quote().isBlank() ? null : a.quote();
            if (a.pageFrom() == null) {
                // a quote without a page: where the text first has it, if it has it at all
                if (quote == null || !placeByQuote(pages, c, quote, a.prefix())) {
                    unplaced.add(Marker.of(c));
                }
                continue;
            }
            if (a.pageFrom() < 1 || a.pageFrom() > pages.size()) {
                unplaced.add(Marker.of(c));
                continue;
            }
            PageBuilder page = pages.get(a.pageFrom() - 1);
            if (a.lineFrom() != null && a.lineFrom() >= 1 && a.lineFrom() <= page.lines.size()) {
                int line = a.lineFrom() - 1;
                page.markers.get(line).add(Marker.of(c));
                if (quote != null) {
                    page.mark(line, quote, a.prefix());
                }
            } else {
                page.head.add(Marker.of(c));
                if (quote != null) {
                    for (int line = 0; line < page.lines.size() && !page.mark(line, quote, a.prefix()); line++) {
                        // the first line of the page that has the quote is marked
                    }
                }
            }
        }
        return new VersionText(pages.stream().map(PageBuilder::build).toList(), List.copyOf(unplaced));
    }

    private static boolean placeByQuote(List<PageBuilder> pages, CommentSummary c, String quote, String prefix) {
        for (PageBuilder page : pages) {
            for (int line = 0; line < page.lines.size(); line++) {
                if (page.mark(line, quote, prefix)) {
                    page.markers.get(line).add(Marker.of(c));
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Where {@code quote} is on {@code line}: the first occurrence after {@code prefix} (the words before it, which
     * tell apart a passage that occurs twice), else the first occurrence; -1 when the line does not have it.
     */
    static int find(String line, String quote, String prefix) {
        int first = line.indexOf(quote);
        String before = prefix == null ? "" : prefix.strip();
        if (first < 0 || before.isEmpty()) {
            return first;
        }
        for (int at = first; at >= 0; at = line.indexOf(quote, at + 1)) {
            String head = line.substring(0, at).stripTrailing();
            if (head.endsWith(before) || (!head.isEmpty() && before.endsWith(head))) {
                return at;
            }
        }
        return first;
    }

    private static final class PageBuilder {
        final int number;
        final List<String> lines;
        final List<Marker> head = new ArrayList<>();
        final List<List<Marker>> markers = new ArrayList<>();
        final List<boolean[]> marked = new ArrayList<>();

        PageBuilder(TextPage page) {
            number = page.page();
            lines = page.lines();
            for (String line : lines) {
                markers.add(new ArrayList<>());
                marked.add(new boolean[line.length()]);
            }
        }

        /** Marks {@code quote} where it is on {@code line}; whether it is there. */
        boolean mark(int line, String quote, String prefix) {
            int at = find(lines.get(line), quote, prefix);
            if (at < 0) {
                return false;
            }
            java.util.Arrays.fill(marked.get(line), at, at + quote.length(), true);
            return true;
        }

        Page build() {
            List<Line> out = new ArrayList<>(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                out.add(new Line(i + 1, TextSegments.of(lines.get(i), marked.get(i)), List.copyOf(markers.get(i))));
            }
            return new Page(number, List.copyOf(head), out);
        }
    }
}
