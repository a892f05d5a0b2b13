package dev.shingi.drafttext.api;

import java.util.List;

/**
 * One page of a version's text as a reader counts it: {@code page} from 1, and its lines in order; line n of the page
 * is {@code lines.get(n - 1)}. Blank lines are not counted (a reader numbering lines skips them, as line-numbered
 * drafts do).
 */
public record TextPage(int page, List<String> lines) {
    public TextPage {
        lines = List.copyOf(lines);
    }

    /** Line {@code n} (1-based), or null when the page has no such line. */
    public String line(int n) {
        return n >= 1 && n <= lines.size() ? lines.get(n - 1) : null;
    }
}
