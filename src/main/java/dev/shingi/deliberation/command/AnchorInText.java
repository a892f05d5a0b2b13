package dev.shingi.deliberation.command;

import dev.shingi.deliberation.api.Anchor;
import dev.shingi.deliberation.api.InvalidField;
import dev.shingi.drafttext.api.DocumentText;
import dev.shingi.drafttext.api.Passages;
import dev.shingi.drafttext.api.TextPage;
import dev.shingi.drafttext.api.TextPosition;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An anchor held against the words of a version published with its document: its pages exist, its lines exist on
 * their page, and its quote stands on the pages it names (anywhere in the document when it names none), with its
 * prefix and suffix around it. Each refusal is a 400 naming the anchor's field; a quote found elsewhere says where.
 */
final class AnchorInText {
    private static final String PAGE_FROM = "anchor.pageFrom";
    private static final String PAGE_TO = "anchor.pageTo";
    private static final String LINE_FROM = "anchor.lineFrom";
    private static final String LINE_TO = "anchor.lineTo";
    private static final String QUOTE = "anchor.quote";
    private static final String PREFIX = "anchor.prefix";
    private static final String SUFFIX = "anchor.suffix";

    private AnchorInText() {
    }

    static void require(int version, DocumentText text, Anchor anchor) {
        int pages = text.pages().size();
        requirePage(version, pages, PAGE_FROM, anchor.pageFrom());
        requirePage(version, pages, PAGE_TO, anchor.pageTo());
        Integer first = anchor.pageFrom() != null ? anchor.pageFrom() : anchor.pageTo();
        Integer last = anchor.lastPage();
        if (first != null) {
            requireLine(text.page(first), LINE_FROM, anchor.lineFrom());
            requireLine(text.page(last), LINE_TO, anchor.lineTo());
        }
        if (anchor.quote() != null && !anchor.quote().isBlank()) {
            requireQuote(version, text, anchor, first, last);
        }
    }

    private static void requirePage(int version, int pages, String field, Integer page) {
        if (page != null && page > pages) {
            throw new InvalidField(field, "anchor.page-within-document", "Page " + page + " is past the end of "
                    + "version " + version + "'s document (" + pages + (pages == 1 ? " page)." : " pages)."));
        }
    }

    private static void requireLine(TextPage page, String field, Integer line) {
        if (line != null && line > page.lines().size()) {
            throw new InvalidField(field, "anchor.line-within-page", "Line " + line + " is past the end of page "
                    + page.page() + ", which has " + page.lines().size() + " lines of text.");
        }
    }

    private static void requireQuote(int version, DocumentText text, Anchor anchor, Integer first, Integer last) {
        List<TextPosition> named = new ArrayList<>();
        List<TextPosition> bare = new ArrayList<>();
        for (TextPage page : text.pages()) {
            if (first == null || (page.page() >= first && page.page() <= last)) {
                named.addAll(Passages.find(page, anchor.quote(), anchor.prefix(), anchor.suffix()));
                bare.addAll(Passages.find(page, anchor.quote(), null, null));
            }
        }
        if (!named.isEmpty()) {
            return;
        }
        if (!bare.isEmpty()) {
            boolean prefixFits = !Passages.find(text, anchor.quote(), anchor.prefix(), null).isEmpty();
            String field = anchor.prefix() != null && !prefixFits ? PREFIX : SUFFIX;
            throw new InvalidField(field, "anchor.quote-context", "The quote is on " + where(bare) + ", but not "
                    + (field.equals(PREFIX) ? "after this prefix." : "before this suffix."));
        }
        List<TextPosition> elsewhere = Passages.find(text, anchor.quote(), anchor.prefix(), anchor.suffix());
        String field = QUOTE;
        if (elsewhere.isEmpty()) {
            throw new InvalidField(field, "anchor.quote-in-document", "The quote is not in version " + version
                    + "'s document" + (first == null ? "." : ", on the pages named or elsewhere."));
        }
        throw new InvalidField(field, "anchor.quote-on-page", "The quote is not on "
                + (first.equals(last) ? "page " + first : "pages " + first + "–" + last) + "; it is on "
                + where(elsewhere) + ".");
    }

    /** "p.2 l.3" or "p.2 l.3, p.5 l.1". */
    static String where(List<TextPosition> found) {
        return found.stream().map(p -> "p." + p.page() + " l." + p.line()).collect(Collectors.joining(", "));
    }
}
