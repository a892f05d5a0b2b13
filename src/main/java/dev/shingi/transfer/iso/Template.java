package dev.shingi.transfer.iso;

import dev.shingi.deliberation.api.Anchor;
import dev.shingi.deliberation.api.CommentKind;
import dev.shingi.deliberation.api.CommentSummary;
import dev.shingi.deliberation.api.DispositionEntry;
import dev.shingi.deliberation.api.Participant;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The mapping between a row of the ISO/IEC commenting template and a comment of the ledger (docs/reports.md):
 * <pre>
 * MB/NC                    ↔ the author: a participant of the deliberation, by id, name or affiliation (exactly one)
 * Line number              ↔ Anchor.lineFrom / lineTo      "120" or "120-125"
 * Clause/Subclause         ↔ Anchor.section
 * Paragraph/Figure/Table   ↔ Anchor pages and footnote ("p.15", "pp.18–19", "fn.40", which the template lacks), then
 *                            Anchor.element for the rest ("Table 3")
 * Type of comment          ↔ kind: ge ↔ REMARK, te ↔ CHANGE_REQUEST, ed ↔ EDITORIAL (QUESTION, ENDORSEMENT → ge)
 * Comments                 ↔ text
 * Proposed change          ↔ proposedChange
 * Observations             ← the responses, "DISPOSITION: text" (export only; an import does not record them)
 * </pre>
 */
final class Template {
    static final List<Column> COLUMNS = List.of(Column.values());

    private static final int MAX_TEXT = 20_000;
    private static final int MAX_SECTION = 500;
    private static final Pattern LINES = Pattern.compile("(\\d{1,9})(?:\\s*[-–—~〜～]\\s*(\\d{1,9}))?");
    private static final Pattern PLACE = Pattern.compile(
            "(?:(pp?)\\.\\s*(\\d{1,9})(?:\\s*[-–—~〜～]\\s*(\\d{1,9}))?)?\\s*(?:fn\\.\\s*(\\S{1,100}))?\\s*(.*)",
            Pattern.DOTALL);

    private Template() {
    }

    /** A row that passed every check: what RaiseComment needs. */
    record Comment(int row, String authorId, Anchor anchor, CommentKind kind, String text, String proposedChange,
                   boolean hadObservations) {
    }

    // ---- import ----

    /** Every row checked; all problems of all rows, or the comments to raise. */
    static List<Comment> check(List<Sheet.Entry> entries, List<Participant> participants, Integer pageCount) {
        List<BadTable.Problem> problems = new ArrayList<>();
        List<Comment> comments = new ArrayList<>();
        for (Sheet.Entry e : entries) {
            int before = problems.size();
            String author = author(e, participants, problems);
            Integer[] lines = lines(e, problems);
            String section = e.get(Column.CLAUSE);
            if (section.length() > MAX_SECTION) {
                problems.add(problem(e, Column.CLAUSE, "tooLong", "longer than " + MAX_SECTION + " characters", MAX_SECTION));
            }
            Anchor place = place(e, pageCount, problems);
            CommentKind kind = kind(e, problems);
            String text = e.get(Column.COMMENTS);
            if (text.isEmpty()) {
                problems.add(problem(e, Column.COMMENTS, "commentEmpty", "must not be empty"));
            } else if (text.length() > MAX_TEXT) {
                problems.add(problem(e, Column.COMMENTS, "tooLong", "longer than " + MAX_TEXT + " characters", MAX_TEXT));
            }
            String proposed = e.get(Column.PROPOSED);
            if (proposed.length() > MAX_TEXT) {
                problems.add(problem(e, Column.PROPOSED, "tooLong", "longer than " + MAX_TEXT + " characters", MAX_TEXT));
            }
            if (problems.size() == before) {
                Anchor anchor = new Anchor(place.pageFrom(), place.pageTo(), place.footnote(), blankToNull(section), null,
                        lines[0], lines[1], place.element());
                comments.add(new Comment(e.row(), author, anchor, kind, text, blankToNull(proposed),
                        !e.get(Column.OBSERVATIONS).isEmpty()));
            }
        }
        if (!problems.isEmpty()) {
            throw new BadTable(problems.size() + " problem(s) in the table; nothing was recorded.", problems);
        }
        return comments;
    }

    private static String author(Sheet.Entry e, List<Participant> participants, List<BadTable.Problem> problems) {
        String who = e.get(Column.MB_NC);
        if (who.isEmpty()) {
            problems.add(problem(e, Column.MB_NC, "authorEmpty", "must name a participant (id, name or affiliation)"));
            return null;
        }
        List<Participant> found = participants.stream()
                .filter(p -> who.equals(p.participantId()) || who.equals(p.name())
                        || (p.affiliation() != null && who.equalsIgnoreCase(p.affiliation())))
                .toList();
        if (found.isEmpty()) {
            problems.add(problem(e, Column.MB_NC, "authorUnknown",
                    "'" + who + "' is no participant's id, name or affiliation in this deliberation", who));
            return null;
        }
        if (found.size() > 1) {
            String ids = found.stream().map(Participant::participantId).collect(Collectors.joining(", "));
            problems.add(problem(e, Column.MB_NC, "authorAmbiguous", "'" + who + "' names " + found.size()
                    + " participants (" + ids + "); use a participant id", who, found.size(), ids));
            return null;
        }
        return found.get(0).participantId();
    }

    private static Integer[] lines(Sheet.Entry e, List<BadTable.Problem> problems) {
        String v = e.get(Column.LINE);
        if (v.isEmpty()) {
            return new Integer[]{null, null};
        }
        Matcher m = LINES.matcher(v);
        if (!m.matches()) {
            problems.add(problem(e, Column.LINE, "lineUnreadable", "'" + v + "' is not a line number or a range such as 120-125", v));
            return new Integer[]{null, null};
        }
        int from = Integer.parseInt(m.group(1));
        int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
        if (from < 1) {
            problems.add(problem(e, Column.LINE, "lineFromOne", "lines are numbered from 1"));
        } else if (to < from) {
            problems.add(problem(e, Column.LINE, "lineRange", "the range ends before it starts (" + v + ")", v));
        }
        return new Integer[]{from, to};
    }

    /** Pages and footnote in front ("p.15 fn.3 Table 2"), as the export writes them; the rest is the element. */
    private static Anchor place(Sheet.Entry e, Integer pageCount, List<BadTable.Problem> problems) {
        String v = e.get(Column.ELEMENT);
        Matcher m = PLACE.matcher(v);
        if (v.isEmpty() || !m.matches()) {
            return new Anchor(null, null, null, null, null, null, null, blankToNull(v));
        }
        Integer from = m.group(2) == null ? null : Integer.valueOf(m.group(2));
        Integer to = m.group(3) != null ? Integer.valueOf(m.group(3)) : from;
        if (from != null) {
            if (from < 1) {
                problems.add(problem(e, Column.ELEMENT, "pageFromOne", "pages are numbered from 1 (rule anchor.page-positive)"));
            } else if (to < from) {
                problems.add(problem(e, Column.ELEMENT, "pageRange", "the page range ends before it starts (rule anchor.page-range-ordered)"));
            } else if (pageCount != null && to > pageCount) {
                problems.add(problem(e, Column.ELEMENT, "pagePastDraft", "page " + to + " is past the draft's "
                        + pageCount + " pages (rule anchor.page-within-draft)", to, pageCount));
            }
        }
        String element = m.group(5).strip();
        if (element.length() > MAX_SECTION) {
            problems.add(problem(e, Column.ELEMENT, "tooLong", "longer than " + MAX_SECTION + " characters", MAX_SECTION));
        }
        return new Anchor(from, to, m.group(4), null, null, null, null, blankToNull(element));
    }

    private static CommentKind kind(Sheet.Entry e, List<BadTable.Problem> problems) {
        String v = e.get(Column.TYPE).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "ge" -> CommentKind.REMARK;
            case "te" -> CommentKind.CHANGE_REQUEST;
            case "ed" -> CommentKind.EDITORIAL;
            default -> {
                problems.add(v.isEmpty() ? problem(e, Column.TYPE, "typeEmpty", "must be ge, te or ed")
                        : problem(e, Column.TYPE, "typeUnknown", "'" + e.get(Column.TYPE)
                        + "' is not ge (general), te (technical) or ed (editorial)", e.get(Column.TYPE)));
                yield null;
            }
        };
    }

    private static BadTable.Problem problem(Sheet.Entry e, Column column, String code, String reason, Object... args) {
        return new BadTable.Problem(e.row(), column.title, reason, code, List.of(args));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    // ---- export ----

    static Map<Column, String> row(DispositionEntry entry, List<Participant> participants) {
        CommentSummary c = entry.comment();
        Anchor a = c.anchor();
        Map<Column, String> row = new EnumMap<>(Column.class);
        row.put(Column.MB_NC, memberBody(c.author().id(), participants));
        row.put(Column.LINE, a.lineFrom() == null ? ""
                : a.lineTo() == null || a.lineTo().equals(a.lineFrom()) ? a.lineFrom().toString() : a.lineFrom() + "-" + a.lineTo());
        row.put(Column.CLAUSE, a.section() == null ? "" : a.section());
        List<String> place = new ArrayList<>();
        if (a.pageFrom() != null) {
            place.add(a.pageTo() != null && !a.pageTo().equals(a.pageFrom()) ? "pp." + a.pageFrom() + "–" + a.pageTo()
                    : "p." + a.pageFrom());
        }
        if (a.footnote() != null) {
            place.add("fn." + a.footnote());
        }
        if (a.element() != null) {
            place.add(a.element());
        }
        row.put(Column.ELEMENT, String.join(" ", place));
        row.put(Column.TYPE, switch (c.kind()) {
            case CHANGE_REQUEST -> "te";
            case EDITORIAL -> "ed";
            default -> "ge";
        });
        row.put(Column.COMMENTS, c.text());
        row.put(Column.PROPOSED, c.proposedChange() == null ? "" : c.proposedChange());
        row.put(Column.OBSERVATIONS, entry.responses().stream().map(r -> r.disposition() + ": " + r.text())
                .collect(Collectors.joining("\n")));
        return row;
    }

    /**
     * What the MB/NC column says for an author: the affiliation when no other participant shares it (ISO's member body,
     * "JP"), else the name when unique, else the participant id; the import reads each of them back to the same person.
     */
    static String memberBody(String authorId, List<Participant> participants) {
        Participant p = participants.stream().filter(x -> x.participantId().equals(authorId)).findFirst().orElse(null);
        if (p == null) {
            return authorId;
        }
        if (p.affiliation() != null && unique(p.affiliation(), participants)) {
            return p.affiliation();
        }
        if (unique(p.name(), participants)) {
            return p.name();
        }
        return p.participantId();
    }

    private static boolean unique(String value, List<Participant> participants) {
        return participants.stream().filter(x -> value.equals(x.participantId()) || value.equals(x.name())
                || (x.affiliation() != null && value.equalsIgnoreCase(x.affiliation()))).count() == 1;
    }
}
