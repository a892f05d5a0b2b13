package dev.shingi.drafttext.api;

import java.util.List;

/**
 * A version's document as text: the SHA-256 (lower-case hex) of the bytes it was read from, and its pages in order.
 * This is the shape of {@code GET /api/deliberations/{id}/versions/{n}/text}.
 */
public record DocumentText(String sha256, List<TextPage> pages) {
    public DocumentText {
        pages = List.copyOf(pages);
    }

    /** Page {@code n} (1-based), or null when the document has no such page. */
    public TextPage page(int n) {
        return n >= 1 && n <= pages.size() ? pages.get(n - 1) : null;
    }
}
