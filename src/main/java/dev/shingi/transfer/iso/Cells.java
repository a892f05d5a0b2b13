package dev.shingi.transfer.iso;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links in a cell: Markdown links {@code [text](url)}, autolinks {@code <https://…>} and bare {@code http(s)://}
 * addresses. A comment's own text keeps its links as written (so that a Markdown export writes them back as links);
 * the cells that name something — the item, the commenter, a date — are read as their plain text.
 */
final class Cells {
    private static final Pattern LINK = Pattern.compile("\\[((?:[^\\[\\]\\\\]|\\\\.|\\[[^\\[\\]]*])*)]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern AUTO = Pattern.compile("<(https?://[^>\\s]+)>");
    private static final Pattern BARE = Pattern.compile("https?://[^\\s<>()\\[\\]|\"']+");

    private Cells() {
    }

    /** The cell without link syntax: {@code [1](https://…)} is {@code 1}. */
    static String plain(String cell) {
        String s = LINK.matcher(cell).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        return AUTO.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1))).strip();
    }

    /** Every address the cells link to, once each, in the order they appear. */
    static List<String> links(List<String> cells) {
        Set<String> found = new LinkedHashSet<>();
        for (String cell : cells) {
            if (cell == null) {
                continue;
            }
            Matcher m = LINK.matcher(cell);
            StringBuilder rest = new StringBuilder();
            while (m.find()) {
                if (m.group(2).matches("(?i)https?://\\S+")) { // no javascript: or data: address reaches a page
                    found.add(m.group(2));
                }
                m.appendReplacement(rest, " ");
            }
            m.appendTail(rest);
            Matcher a = AUTO.matcher(rest);
            while (a.find()) {
                found.add(a.group(1));
            }
            Matcher b = BARE.matcher(AUTO.matcher(rest).replaceAll(" "));
            while (b.find()) {
                found.add(b.group().replaceAll("[.,;:]+$", ""));
            }
        }
        return new ArrayList<>(found);
    }
}
