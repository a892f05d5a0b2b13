package dev.shingi.transfer.iso;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The first pipe table of a Markdown file, as GitHub renders it: a header row, a delimiter row ({@code |---|:-:|}),
 * then rows up to a blank line or a line without a pipe. In cells {@code \|} is a pipe, {@code <br>} a line break, and
 * the entities a Markdown export writes ({@code &lt;}, {@code &gt;}, {@code &amp;}, {@code &quot;}, {@code &#124;}) are
 * their characters. A row whose link is broken across physical lines ({@code [text](http://a\n/b)}, as editors wrap
 * long rows) is joined with the next line. Links stay in the cells as Markdown; {@link Cells} reads them.
 * Each row is numbered by the file's line it starts on, so that a problem names the line to look at.
 */
final class MarkdownTable {
    private static final Pattern DELIMITER = Pattern.compile("\\|?\\s*:?-{1,}:?\\s*(\\|\\s*:?-{1,}:?\\s*)*\\|?\\s*");
    private static final Pattern BREAK = Pattern.compile("<br\\s*/?>", Pattern.CASE_INSENSITIVE);

    private MarkdownTable() {
    }

    /** Whether the text looks like Markdown with a pipe table: a line that is a delimiter row under a line with a pipe. */
    static boolean looksLikeMarkdown(String text) {
        String[] lines = text.split("\r?\n", -1);
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].contains("-") && DELIMITER.matcher(lines[i].strip()).matches() && lines[i - 1].contains("|")) {
                return true;
            }
        }
        return false;
    }

    static List<Sheet.Line> read(byte[] bytes) {
        if (bytes.length == 0) {
            throw BadTable.file("empty", "the file is empty");
        }
        String text = Sheet.decode(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw BadTable.file("blank", "the file holds no text, only blanks");
        }
        String[] lines = text.split("\r?\n", -1);
        int header = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].contains("-") && DELIMITER.matcher(lines[i].strip()).matches() && lines[i - 1].contains("|")) {
                header = i - 1;
                break;
            }
        }
        if (header < 0) {
            throw BadTable.file("noMarkdownTable", "no Markdown table: no header row followed by a delimiter row such as | --- | --- |");
        }
        List<Sheet.Line> rows = new ArrayList<>();
        rows.add(new Sheet.Line(header + 1, cells(lines[header])));
        for (int i = header + 2; i < lines.length; i++) {
            if (lines[i].isBlank() || !lines[i].contains("|")) {
                break;
            }
            int start = i;
            StringBuilder row = new StringBuilder(lines[i]);
            while (openLink(row) && i + 1 < lines.length && !lines[i + 1].isBlank()) {
                row.append(lines[++i].strip());
            }
            rows.add(new Sheet.Line(start + 1, cells(row.toString())));
        }
        return rows;
    }

    /** A link's text or target opened and not closed on this line: {@code [text](http://a} . */
    static boolean openLink(CharSequence row) {
        int square = 0;
        int round = 0;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                square++;
            } else if (c == ']' && square > 0) {
                square--;
            } else if (c == '(' && i > 0 && row.charAt(i - 1) == ']') {
                round++;
            } else if (c == ')' && round > 0) {
                round--;
            }
        }
        return square > 0 || round > 0;
    }

    /** A row split at its unescaped pipes, the outer ones dropped, each cell stripped and unescaped. */
    static List<String> cells(String row) {
        String s = row.strip();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '|') {
                cell.append('|');
                i++;
            } else if (c == '|') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        if (s.startsWith("|")) {
            cells.remove(0);
        }
        if (s.endsWith("|") && !s.endsWith("\\|") && !cells.isEmpty()) {
            cells.remove(cells.size() - 1);
        }
        return cells.stream().map(MarkdownTable::unescape).toList();
    }

    static String unescape(String cell) {
        String s = BREAK.matcher(cell.strip()).replaceAll("\n");
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#124;", "|")
                .replace("&amp;", "&");
    }
}
