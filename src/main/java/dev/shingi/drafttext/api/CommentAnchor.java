package dev.shingi.drafttext.api;

/**
 * Where a comment points in the version it was raised on, as the re-anchoring reads it: a page, optionally a line, and
 * optionally the quoted passage with the text just before and after it (the W3C TextQuoteSelector's prefix/suffix).
 * Without a quote the passage is the line's text (or the page's, without a line). {@code reference} is e.g. #7.
 */
public record CommentAnchor(String commentId, String reference, Integer page, Integer line, String quote,
                            String prefix, String suffix) {
}
