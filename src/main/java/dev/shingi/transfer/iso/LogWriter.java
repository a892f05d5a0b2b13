package dev.shingi.transfer.iso;

import dev.shingi.deliberation.api.CommentSummary;
import dev.shingi.deliberation.api.DispositionEntry;
import dev.shingi.deliberation.api.ResponseDetail;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A version's comments as a Markdown comment resolution log (Item #, Date, Commenter, Description, Date
 * acknowledged, Resolution, Disposition), the table the import reads back: the item is the comment's source item
 * (else its reference), linked to the first of its source's links; the dates are as the table gave them, else the
 * comment's and the answer's own, in the zone; texts keep their Markdown links as links. Only {@code |} (as
 * {@code \|}), line breaks ({@code <br>}) and {@code <} {@code >} are escaped. The current answer is the one written.
 */
final class LogWriter {
    static final List<String> HEADINGS = List.of("Item #", "Date", "Commenter", "Description", "Date acknowledged",
            "Resolution", "Disposition");

    private LogWriter() {
    }

    static String markdown(String title, List<DispositionEntry> entries, ZoneId zone) {
        StringBuilder out = new StringBuilder("# ").append(cell(title)).append("\n\n");
        out.append("| ").append(String.join(" | ", HEADINGS)).append(" |\n");
        out.append("|").append("---|".repeat(HEADINGS.size())).append("\n");
        for (DispositionEntry e : entries) {
            CommentSummary c = e.comment();
            String item = c.source() != null && c.source().item() != null ? c.source().item() : c.reference();
            if (c.source() != null && !c.source().links().isEmpty()) {
                item = "[" + item + "](" + c.source().links().get(0) + ")";
            }
            String date = c.source() != null && c.source().date() != null ? c.source().date() : date(c.occurredAt(), zone);
            ResponseDetail answer = e.responses().isEmpty() ? null : e.responses().get(e.responses().size() - 1);
            out.append("| ").append(String.join(" | ", List.of(cell(item), cell(date), cell(c.author().name()),
                    cell(c.text()), answer == null ? "" : date(answer.occurredAt(), zone),
                    answer == null ? "" : cell(answer.text()), answer == null ? "" : answer.disposition().name())))
                    .append(" |\n");
        }
        return out.toString();
    }

    /** A day as 2024-06-24 when the moment is its start in the zone, else the moment with its offset. */
    static String date(Instant at, ZoneId zone) {
        ZonedDateTime t = at.atZone(zone);
        return t.toLocalTime().equals(LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.toOffsetDateTime().toString();
    }

    static String cell(String s) {
        return s == null ? "" : s.replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")
                .replace("\r\n", "<br>").replace("\n", "<br>");
    }
}
