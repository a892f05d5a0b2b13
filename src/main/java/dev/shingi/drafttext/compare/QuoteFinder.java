package dev.shingi.drafttext.compare;

import dev.shingi.drafttext.api.CommentAnchor;

/**
 * Finds a quoted passage in the version it was quoted from: on the stated page first (the ledger checks a new
 * comment's quote there), anywhere in the text otherwise (older records, or a page number typed wrong). Of several
 * places it chooses the one whose surroundings read most like the prefix and suffix, then the one nearest the line.
 */
final class QuoteFinder {
    private final JoinedText text;

    QuoteFinder(JoinedText text) {
        this.text = text;
    }

    /** The passage's [start, end) in the text, or null when it is nowhere in it. */
    int[] find(String quote, CommentAnchor anchor) {
        String prefix = anchor.prefix() == null ? "" : JoinedText.normalizeQuote(anchor.prefix());
        String suffix = anchor.suffix() == null ? "" : JoinedText.normalizeQuote(anchor.suffix());
        Integer page = anchor.page();
        if (page != null && page >= 1 && page <= text.pageCount()) {
            int[] onPage = best(quote, prefix, suffix, anchor, text.pageStart(page), text.pageEnd(page));
            if (onPage != null) {
                return onPage;
            }
        }
        return best(quote, prefix, suffix, anchor, 0, text.length());
    }

    /** The best occurrence starting in [from, to). */
    private int[] best(String quote, String prefix, String suffix, CommentAnchor anchor, int from, int to) {
        String all = text.text();
        int best = -1;
        long bestScore = Long.MIN_VALUE;
        for (int at = all.indexOf(quote, from); at >= 0 && at < to; at = all.indexOf(quote, at + 1)) {
            long context = commonSuffix(all, at, prefix) + commonPrefix(all, at + quote.length(), suffix);
            long distance = anchor.line() != null && anchor.page() != null && text.pageAt(at) == anchor.page()
                    ? Math.abs(text.lineAt(at) - anchor.line()) : 10_000;
            long score = context * 100_000 - distance;
            if (score > bestScore) {
                bestScore = score;
                best = at;
            }
        }
        return best < 0 ? null : new int[] {best, best + quote.length()};
    }

    /** How many characters just before {@code at} read as the end of {@code prefix}. */
    private static int commonSuffix(String all, int at, String prefix) {
        int n = 0;
        while (n < prefix.length() && at - n - 1 >= 0
                && all.charAt(at - n - 1) == prefix.charAt(prefix.length() - n - 1)) {
            n++;
        }
        return n;
    }

    /** How many characters from {@code at} read as the start of {@code suffix}. */
    private static int commonPrefix(String all, int at, String suffix) {
        int n = 0;
        while (n < suffix.length() && at + n < all.length() && all.charAt(at + n) == suffix.charAt(n)) {
            n++;
        }
        return n;
    }
}
