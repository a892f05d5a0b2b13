package dev.shingi.transfer.iso;

import dev.shingi.deliberation.api.Anchor;
import dev.shingi.deliberation.api.CommentKind;
import dev.shingi.deliberation.api.CommentSource;
import dev.shingi.deliberation.api.Disposition;
import dev.shingi.deliberation.api.CommentSummary;
import dev.shingi.deliberation.api.DispositionEntry;
import dev.shingi.deliberation.api.Participant;
import dev.shingi.deliberation.api.ParticipantAlias;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * MB/NC                    ↔ the author: a participant of the deliberation, by id, name or affiliation (exactly one),
 *                            or a new national body / public commenter ({@link Commenters})
 * Line number              ↔ Anchor.lineFrom / lineTo      "120" or "120-125"
 * Clause/Subclause         ↔ Anchor.section
 * Paragraph/Figure/Table   ↔ Anchor pages and footnote ("p.15", "pp.18–19", "fn.40", which the template lacks), then
 *                            Anchor.element for the rest ("Table 3")
 * Type of comment          ↔ kind: ge or none → QUESTION, te ↔ CHANGE_REQUEST, ed ↔ EDITORIAL (REMARK, ENDORSEMENT → ge)
 * Comments                 ↔ text
 * Proposed change          ↔ proposedChange
 * Observations, Disposition ↔ the secretariat's response ({@link Dispositions}), dated by Date acknowledged
 * Item #, Date, links, other columns → the comment's source; Date → its occurredAt
 * </pre>
 */
final class Template {
    static final List<Column> COLUMNS = Column.TEMPLATE;

    private static final int MAX_TEXT = 20_000;
    private static final int MAX_SECTION = 500;
    private static final Pattern LINES = Pattern.compile("(\\d{1,9})(?:\\s*[-–—~〜～]\\s*(\\d{1,9}))?");
    /** Line values that say the line is not known yet. */
    private static final Pattern UNKNOWN = Pattern.compile("(?i)tbd|tba|n/?a|unknown|[-–—?？]|未定|不明");
    private static final Pattern PLACE = Pattern.compile(
            "(?:(pp?)\\.\\s*(\\d{1,9})(?:\\s*[-–—~〜～]\\s*(\\d{1,9}))?)?\\s*(?:fn\\.\\s*(\\S{1,100}))?\\s*(.*)",
            Pattern.DOTALL);

    private Template() {
    }

    /** What a table is read against: the deliberation's people, the version's pages, its zone and opening, the file. */
    record Context(List<Participant> participants, List<ParticipantAlias> aliases, Integer pageCount, ZoneId zone,
                   Instant openedAt, Instant received, String fileName, Vocabulary vocabulary) {
        Context {
            vocabulary = vocabulary == null ? Vocabulary.NONE : vocabulary;
        }

        /** A deliberation with no words of its own: the defaults alone. */
        Context(List<Participant> participants, List<ParticipantAlias> aliases, Integer pageCount, ZoneId zone,
                Instant openedAt, Instant received, String fileName) {
            this(participants, aliases, pageCount, zone, openedAt, received, fileName, Vocabulary.NONE);
        }
    }

    /**
     * The secretariat's answer in a row: {@code disposition} null when the words are not the ledger's (then it is
     * not recorded: the words stay in the comment's source and the row is flagged).
     */
    record Answer(Disposition disposition, String text, Instant occurredAt) {
    }

    /** A row that passed every check: what RaiseComment (and RespondToComment, when answered) need. */
    record Comment(int row, Commenters.Author author, Anchor anchor, CommentKind kind, String text, String proposedChange,
                   CommentSource source, Instant occurredAt, Answer answer) {
        String authorId() {
            return author.participantId();
        }
    }

    /** The rows read, the people the table brings in, and what the report flags (not problems: they are recorded). */
    record Checked(List<Comment> comments, List<Commenters.Author> created, List<BadTable.Problem> flags) {
    }

    // ---- import ----

    /** Every row checked; all problems of all rows (nothing recorded), or the comments to raise. */
    static Checked check(List<Sheet.Entry> entries, Context context) {
        List<BadTable.Problem> problems = new ArrayList<>();
        List<BadTable.Problem> flags = new ArrayList<>();
        List<Comment> comments = new ArrayList<>();
        Commenters commenters = new Commenters(context.participants(), context.aliases());
        Map<String, Integer> items = new HashMap<>();
        for (Sheet.Entry e : entries) {
            int before = problems.size();
            Commenters.Author author = commenters.of(e, problems, flags);
            Integer[] lines = lines(e, problems);
            String section = e.get(Column.CLAUSE);
            if (section.length() > MAX_SECTION) {
                problems.add(problem(e, Column.CLAUSE, "tooLong", "longer than " + MAX_SECTION + " characters", MAX_SECTION));
            }
            Anchor place = place(e, context.pageCount(), problems);
            CommentKind kind = kind(e, context.vocabulary(), problems);
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
            String item = blankToNull(Cells.plain(e.get(Column.ITEM)));
            if (item != null && items.putIfAbsent(item, e.row()) != null) {
                problems.add(problem(e, Column.ITEM, "itemTwice", "item '" + item + "' is also row " + items.get(item)
                        + "'s: each row needs its own item", item, items.get(item)));
            }
            int beforeDate = problems.size();
            Instant raised = date(e, Column.DATE, context, problems);
            boolean dateBad = problems.size() > beforeDate;
            Instant occurredAt = raised == null ? context.received() : raised;
            Map<String, String> extra = new LinkedHashMap<>(e.extra());
            if (e.has(Column.NC) && !e.get(Column.MB_NC).isEmpty() && !e.get(Column.NC).isEmpty()) {
                extra.put(Column.NC.title, e.get(Column.NC));
            }
            Answer answer = answer(e, dateBad ? null : occurredAt, context, problems, flags, extra);
            if (problems.size() == before) {
                Anchor anchor = new Anchor(place.pageFrom(), place.pageTo(), place.footnote(), blankToNull(section), null,
                        lines[0], lines[1], place.element());
                CommentSource source = new CommentSource(context.fileName(), e.row(), item,
                        blankToNull(Cells.plain(e.get(Column.DATE))), e.links(), extra);
                comments.add(new Comment(e.row(), author, anchor, kind, text, blankToNull(proposed), source, occurredAt,
                        answer));
            }
        }
        if (!problems.isEmpty()) {
            throw new BadTable(problems.size() + " problem(s) in the table; nothing was recorded.", problems);
        }
        return new Checked(comments, commenters.created(), flags);
    }

    /** A date column read in the deliberation's zone: not before it opened, not after the table came in. */
    private static Instant date(Sheet.Entry e, Column column, Context context, List<BadTable.Problem> problems) {
        String v = Cells.plain(e.get(column));
        if (v.isEmpty()) {
            return null;
        }
        Instant at = RowDates.read(v, context.zone());
        if (at == null) {
            problems.add(problem(e, column, "dateUnreadable", "'" + v + "' is not a date such as 2024-06-24", v));
        } else if (context.openedAt() != null && at.isBefore(context.openedAt())) {
            problems.add(problem(e, column, "dateBeforeOpening", "'" + v + "' is before the deliberation opened ("
                    + context.openedAt() + ") (rule time.after-opening)", v, context.openedAt().toString()));
            return null;
        } else if (at.isAfter(context.received())) {
            problems.add(problem(e, column, "dateFuture", "'" + v + "' is in the future; the ledger records what has happened", v));
            return null;
        }
        return at;
    }

    /**
     * The Observations / Resolution and Disposition cells as one answer: its disposition from the Disposition cell, or
     * from the first words of the resolution; its text the resolution (and the Disposition cell when it says more than
     * the disposition); dated by Date acknowledged, else the row's date ({@code raised}: null when that date could
     * not be read, so that no second problem follows from the first).
     */
    private static Answer answer(Sheet.Entry e, Instant raised, Context context, List<BadTable.Problem> problems,
                                 List<BadTable.Problem> flags, Map<String, String> extra) {
        String resolution = e.get(Column.OBSERVATIONS);
        String words = e.get(Column.DISPOSITION);
        if (resolution.isEmpty() && words.isEmpty()) {
            return null;
        }
        Column column = words.isEmpty() ? Column.OBSERVATIONS : Column.DISPOSITION;
        String said = Cells.plain(words.isEmpty() ? resolution : words);
        Vocabulary own = context.vocabulary();
        Disposition disposition = own.disposition(said).or(() -> Dispositions.read(said)).orElse(null);
        String text = Dispositions.withoutOwnPrefix(resolution);
        boolean onlyWords = Dispositions.onlyWords(words) || own.onlyWords(words);
        if (!words.isEmpty() && (text.isEmpty() || !onlyWords || !Cells.links(List.of(words)).isEmpty())) {
            text = text.isEmpty() ? words : text + "\n" + words;
        }
        if (text.length() > MAX_TEXT) {
            problems.add(problem(e, Column.OBSERVATIONS, "tooLong", "longer than " + MAX_TEXT + " characters", MAX_TEXT));
        }
        Instant acknowledged = date(e, Column.ACKNOWLEDGED, context, problems);
        Instant at = acknowledged != null ? acknowledged : raised != null ? raised : context.received();
        if (raised != null && at.isBefore(raised)) {
            problems.add(problem(e, Column.ACKNOWLEDGED, "answerBeforeComment", "'" + e.get(Column.ACKNOWLEDGED)
                    + "' is before the comment's date (rule time.in-order)", e.get(Column.ACKNOWLEDGED)));
        }
        if (disposition == null) {
            String cell = Cells.plain(words.isEmpty() ? resolution : words);
            flags.add(problem(e, column, "dispositionUnknown", "'" + abbreviated(cell) + "' is not a disposition Shingi "
                    + "knows (accepted, accepted in principle, rejected, noted, no change required, completed): the answer "
                    + "is kept with the comment's source, not recorded; respond to it", abbreviated(cell)));
            if (!resolution.isEmpty()) {
                extra.put(Column.OBSERVATIONS.title, resolution);
            }
            if (!words.isEmpty()) {
                extra.put(Column.DISPOSITION.title, words);
            }
            if (!e.get(Column.ACKNOWLEDGED).isEmpty()) {
                extra.put(Column.ACKNOWLEDGED.title, e.get(Column.ACKNOWLEDGED));
            }
        }
        return new Answer(disposition, text, at);
    }

    private static String abbreviated(String s) {
        return s.length() <= 80 ? s : s.substring(0, 79) + "…";
    }

    private static Integer[] lines(Sheet.Entry e, List<BadTable.Problem> problems) {
        String v = e.get(Column.LINE);
        if (v.isEmpty() || UNKNOWN.matcher(v).matches()) {
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

    /**
     * No type, or ge (general), is a comment that needs an answer: the ledger has no "general" kind, and QUESTION is
     * the one that needs an answer and exports as ge again. te technical, ed editorial; the ledger's own kind names too;
     * and first the deliberation's own words ({@link Vocabulary}), which may also give ge or a blank cell another kind.
     */
    private static CommentKind kind(Sheet.Entry e, Vocabulary own, List<BadTable.Problem> problems) {
        String v = e.get(Column.TYPE).toLowerCase(Locale.ROOT);
        java.util.Optional<CommentKind> named = own.kind(v);
        if (named.isPresent()) {
            return named.get();
        }
        switch (v) {
            case "", "ge", "general", "g" -> {
                return CommentKind.QUESTION;
            }
            case "te", "technical", "t" -> {
                return CommentKind.CHANGE_REQUEST;
            }
            case "ed", "editorial", "e" -> {
                return CommentKind.EDITORIAL;
            }
            default -> {
                for (CommentKind k : CommentKind.values()) {
                    if (k.name().equalsIgnoreCase(v)) {
                        return k;
                    }
                }
                problems.add(problem(e, Column.TYPE, "typeUnknown", "'" + e.get(Column.TYPE)
                        + "' is not ge (general), te (technical) or ed (editorial)", e.get(Column.TYPE)));
                return null;
            }
        }
    }

    private static BadTable.Problem problem(Sheet.Entry e, Column column, String code, String reason, Object... args) {
        return new BadTable.Problem(e.row(), column.title, reason, code, List.of(args));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    // ---- export ----

    static Map<Column, String> row(DispositionEntry entry, List<Participant> participants) {
        return row(entry, participants, ZoneId.of("UTC"));
    }

    /**
     * A comment as a row of the template; one that came from a table with items, dates or links also gets its provenance
     * ({@link Column#PROVENANCE}): its item, its date as the table wrote it (else its own, in {@code zone}), its latest
     * answer's date, and its links one a line — what the import reads back into the same source and dates.
     */
    static Map<Column, String> row(DispositionEntry entry, List<Participant> participants, ZoneId zone) {
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
        if (c.source() != null && (blankToNull(c.source().item()) != null || blankToNull(c.source().date()) != null
                || !c.source().links().isEmpty())) {
            row.put(Column.ITEM, c.source().item() == null ? "" : c.source().item());
            row.put(Column.DATE, c.source().date() != null ? c.source().date() : LogWriter.date(c.occurredAt(), zone));
            row.put(Column.ACKNOWLEDGED, entry.responses().isEmpty() ? ""
                    : LogWriter.date(entry.responses().get(entry.responses().size() - 1).occurredAt(), zone));
            row.put(Column.LINKS, String.join("\n", c.source().links()));
        }
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
