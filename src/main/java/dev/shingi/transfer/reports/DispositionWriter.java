package dev.shingi.transfer.reports;

import dev.shingi.transfer.SpreadsheetCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** Prints a {@link DispositionTable} as CSV, Markdown or standalone printable HTML. */
final class DispositionWriter {
    /** Excel (in Japan above all) reads a CSV file as the system's ANSI code page unless it starts with a BOM. */
    static final String BOM = "\uFEFF";

    private DispositionWriter() {
    }

    static String write(DispositionTable table, Format format) {
        return switch (format) {
            case CSV -> csv(table);
            case MD -> markdown(table);
            case HTML -> html(table);
        };
    }

    /**
     * RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break; UTF-8 with a BOM; a cell a
     * spreadsheet would run as a formula is written as text ({@link SpreadsheetCells}).
     */
    static String csv(DispositionTable table) {
        StringWriter out = new StringWriter();
        out.write(BOM);
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord(table.headings());
            for (List<String> row : table.rows()) {
                csv.printRecord(row.stream().map(SpreadsheetCells::neutral).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String markdown(DispositionTable table) {
        StringBuilder s = new StringBuilder();
        s.append("# ").append(mdLine(table.title())).append("\n\n");
        s.append(mdLine(table.subtitle())).append("\n\n");
        for (String note : table.notes()) {
            s.append("- ").append(mdLine(note)).append('\n');
        }
        s.append('\n');
        s.append(mdRow(table.headings()));
        s.append('|').append("---|".repeat(table.headings().size())).append('\n');
        for (List<String> row : table.rows()) {
            s.append(mdRow(row));
        }
        return s.toString();
    }

    private static String mdRow(List<String> cells) {
        StringBuilder s = new StringBuilder("|");
        for (String cell : cells) {
            s.append(' ').append(mdCell(cell)).append(" |");
        }
        return s.append('\n').toString();
    }

    /**
     * A table cell is one line: a pipe would end the cell and a line break the row, so pipes are escaped and line
     * breaks become {@code <br>}; the text's own HTML is escaped so that it shows as written.
     */
    static String mdCell(String text) {
        return mdText(text).replace("|", "\\|").replaceAll("\r\n|\r|\n", "<br>");
    }

    private static String mdLine(String text) {
        return mdText(text).replaceAll("\r\n|\r|\n", " ");
    }

    private static String mdText(String text) {
        return text.replace("\\", "\\\\").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String html(DispositionTable table) {
        StringBuilder s = new StringBuilder();
        s.append("<!DOCTYPE html>\n<html lang=\"").append(table.lang().locale.getLanguage()).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n<title>").append(esc(table.title())).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>").append(esc(table.title())).append("</h1>\n")
                .append("<p class=\"sub\">").append(esc(table.subtitle())).append("</p>\n");
        for (String note : table.notes()) {
            s.append("<p class=\"note\">").append(esc(note)).append("</p>\n");
        }
        s.append("<table>\n<thead><tr>");
        for (String h : table.headings()) {
            s.append("<th scope=\"col\">").append(esc(h)).append("</th>");
        }
        s.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : table.rows()) {
            s.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                String tag = i == 0 ? "th scope=\"row\"" : "td";
                s.append('<').append(tag).append('>').append(esc(row.get(i))).append("</")
                        .append(i == 0 ? "th" : "td").append('>');
            }
            s.append("</tr>\n");
        }
        return s.append("</tbody>\n</table>\n</body>\n</html>\n").toString();
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8").replaceAll("\r\n|\r|\n", "<br>");
    }

    /** Standalone: no stylesheet to fetch. On paper: A4 landscape, the header row repeated on every page. */
    private static final String STYLE = """
            body { font-family: "Hiragino Sans", "Yu Gothic", "Noto Sans JP", sans-serif; margin: 1.5rem; color: #111; }
            h1 { font-size: 1.3rem; margin: 0 0 .3rem; }
            .sub, .note { margin: .2rem 0; color: #333; }
            table { border-collapse: collapse; width: 100%; margin-top: 1rem; font-size: .85rem; }
            th, td { border: 1px solid #777; padding: .3rem .4rem; vertical-align: top; text-align: left; }
            thead th { background: #eee; }
            tbody th { white-space: nowrap; }
            @media print {
              @page { size: A4 landscape; margin: 12mm; }
              body { margin: 0; font-size: 9pt; }
              thead { display: table-header-group; }
              tr, th, td { page-break-inside: avoid; break-inside: avoid; }
              thead th { background: none; }
            }
            """;
}
