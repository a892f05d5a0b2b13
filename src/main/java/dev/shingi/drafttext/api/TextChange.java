package dev.shingi.drafttext.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One change between two versions' texts, at the granularity of a sentence: {@code old} as the earlier version reads
 * (empty for an insertion), {@code new} as the later one reads (empty for a deletion). {@code fromPage}/{@code fromLine}
 * is where the old text starts in the earlier version ({@code toPage}/{@code toLine} where the new text starts in the
 * later one); for an insertion or a deletion it is the point where the text was added or taken away. A passage may
 * run over a page break: {@code fromLastPage}/{@code toLastPage} is where it ends. Where a sentence begins a line,
 * the text has a line break before it (a heading and the paragraph under it read as two lines).
 */
public record TextChange(
        int fromPage,
        int fromLine,
        int fromLastPage,
        int toPage,
        int toLine,
        int toLastPage,
        @JsonProperty("old") String oldText,
        @JsonProperty("new") String newText) {

    /** Whether the new text of this change lies (at least partly) on page {@code page} of the later version. */
    public boolean touchesNewPage(int page) {
        return page >= toPage && page <= toLastPage;
    }
}
