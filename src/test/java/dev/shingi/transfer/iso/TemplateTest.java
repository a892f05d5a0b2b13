package dev.shingi.transfer.iso;

import dev.shingi.deliberation.api.Anchor;
import dev.shingi.deliberation.api.CommentKind;
import dev.shingi.deliberation.api.CommentSource;
import dev.shingi.deliberation.api.CommentStatus;
import dev.shingi.deliberation.api.CommentSummary;
import dev.shingi.deliberation.api.Disposition;
import dev.shingi.deliberation.api.DispositionEntry;
import dev.shingi.deliberation.api.Participant;
import dev.shingi.deliberation.api.ParticipantRef;
import dev.shingi.deliberation.api.ResponseDetail;
import dev.shingi.deliberation.api.Role;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The mapping between a table row and a comment (and its answer), both ways, and every refusal of a row. */
class TemplateTest {
    private static final Instant AT = Instant.parse("2024-06-24T05:00:00Z");
    private static final List<Participant> PEOPLE = List.of(
            participant("jp", "Japan NB", "JP"),
            participant("de1", "Anna", "DE"),
            participant("de2", "Bernd", "DE"),
            participant("s1", "Secretary", null));

    private static final Instant RECEIVED = Instant.parse("2024-07-01T00:00:00Z");

    private static List<Template.Comment> check(List<Sheet.Entry> entries, Integer pages) {
        return Template.check(entries, new Template.Context(PEOPLE, List.of(), pages, ZoneId.of("Asia/Tokyo"),
                Instant.parse("2024-01-01T00:00:00Z"), RECEIVED, "nb.csv")).comments();
    }

    @Test
    void aGoodRowBecomesTheCommentItDescribesAndItsObservationTheResponse() {
        var comments = check(List.of(entry(3, "JP", "120-125", "4.2", "pp.18–19 fn.40 Table 3", "te",
                "The scope is unclear", "Say which systems", "ACCEPTED: done")), 30);

        assertThat(comments).containsExactly(new Template.Comment(3,
                new Commenters.Author("jp", "Japan NB", Role.MEMBER, false, "JP", false),
                new Anchor(18, 19, "40", "4.2", null, 120, 125, "Table 3"), CommentKind.CHANGE_REQUEST,
                "The scope is unclear", "Say which systems",
                new CommentSource("nb.csv", 3, null, null, List.of(), Map.of()), RECEIVED,
                new Template.Answer(Disposition.ACCEPTED, "done", RECEIVED)));
    }

    @Test
    void noTypeOrGeIsACommentThatNeedsAnAnswerAndTbdLinesAreUnknown() {
        var comments = check(List.of(entry(2, "jp", "TBD", "", "", "", "a", "", ""),
                entry(3, "jp", "", "", "", "GE", "b", "", ""), entry(4, "jp", "-", "", "", "ed", "c", "", "")), null);

        assertThat(comments).extracting(Template.Comment::kind)
                .containsExactly(CommentKind.QUESTION, CommentKind.QUESTION, CommentKind.EDITORIAL);
        assertThat(comments).allMatch(c -> c.kind().needsResponse() && c.anchor().lineFrom() == null);
    }

    @Test
    void aRowsDatesAreReadInTheZoneAndAnAnswerBeforeItsCommentIsAProblem() {
        Map<Column, String> dated = new EnumMap<>(columns("jp", "", "", "", "", "a", "", "Accepted in principle. Reworded."));
        dated.put(Column.DATE, "2024/6/24");
        dated.put(Column.ACKNOWLEDGED, "2024年6月30日");
        var c = check(List.of(new Sheet.Entry(2, dated)), null).get(0);
        assertThat(c.occurredAt()).isEqualTo(Instant.parse("2024-06-23T15:00:00Z"));
        assertThat(c.source().date()).isEqualTo("2024/6/24");
        assertThat(c.answer()).isEqualTo(new Template.Answer(Disposition.ACCEPTED, "Accepted in principle. Reworded.",
                Instant.parse("2024-06-29T15:00:00Z")));

        dated.put(Column.ACKNOWLEDGED, "2024-06-01");
        dated.put(Column.ITEM, "7");
        Map<Column, String> twice = new EnumMap<>(dated);
        twice.put(Column.DATE, "someday");
        BadTable bad = catchThrowableOfType(BadTable.class, () -> check(List.of(new Sheet.Entry(2, dated),
                new Sheet.Entry(3, twice)), null));
        assertThat(bad.problems.stream().map(p -> p.row() + "|" + p.column() + "|" + p.reason()).toList()).containsExactly(
                "2|Date acknowledged|'2024-06-01' is before the comment's date (rule time.in-order)",
                "3|Item #|item '7' is also row 2's: each row needs its own item",
                "3|Date|'someday' is not a date such as 2024-06-24");
    }

    @Test
    void wordsThatAreNoDispositionAreKeptInTheSourceAndFlaggedNotGuessed() {
        Map<Column, String> row = new EnumMap<>(columns("jp", "", "", "", "", "a", "", "Discussed at TC call"));
        row.put(Column.DISPOSITION, "Parked until the next ballot");
        var checked = Template.check(List.of(new Sheet.Entry(5, row)), new Template.Context(PEOPLE, List.of(), null,
                ZoneId.of("UTC"), null, RECEIVED, null));

        Template.Comment c = checked.comments().get(0);
        assertThat(c.answer().disposition()).isNull();
        assertThat(c.source().extra()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Observations of the secretariat", "Discussed at TC call", "Disposition", "Parked until the next ballot"));
        assertThat(checked.flags()).extracting(BadTable.Problem::row, BadTable.Problem::column, BadTable.Problem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(5, "Disposition", "dispositionUnknown"));
    }

    @Test
    void theAuthorIsFoundByIdNameOrAffiliationAndBlankCellsAreLeftUnknown() {
        var comments = check(List.of(
                entry(2, "de1", "", "", "", "ge", "a", "", ""),
                entry(3, "bernd", "7", "", "p.2", "ED", "b", "", ""),
                entry(4, "jp", "", "", "Figure 1", "ge", "c", "", "")), null);

        assertThat(comments).extracting(Template.Comment::authorId).containsExactly("de1", "de2", "jp");
        assertThat(comments.get(0).anchor()).isEqualTo(new Anchor(null, null, null, null, null, null, null, null));
        assertThat(comments.get(0).proposedChange()).isNull();
        assertThat(comments.get(0).answer()).isNull();
        assertThat(comments.get(1).anchor()).isEqualTo(new Anchor(2, 2, null, null, null, 7, 7, null));
        assertThat(comments.get(1).kind()).isEqualTo(CommentKind.EDITORIAL);
        assertThat(comments.get(2).anchor().element()).isEqualTo("Figure 1");
    }

    @Test
    void everyProblemOfEveryRowIsReportedWithItsRowAndColumnAndNothingIsReturned() {
        BadTable bad = catchThrowableOfType(BadTable.class, () -> check(List.of(
                entry(2, "DE", "125-120", "", "p.31", "xx", "", "", ""),
                entry(3, "", "line 5", "", "p.0", "ge", "fine", "", ""),
                entry(4, "nobody", "", "", "", "ge", "fine", "", "")), 30));

        assertThat(bad.getMessage()).isEqualTo("8 problem(s) in the table; nothing was recorded.");
        assertThat(bad.problems.stream().map(p -> p.row() + "|" + p.column() + "|" + p.reason()).toList()).containsExactly(
                2 + "|" + "MB/NC" + "|" + "'DE' names 2 participants (de1, de2); use a participant id",
                2 + "|" + "Line number" + "|" + "the range ends before it starts (125-120)",
                2 + "|" + "Paragraph/Figure/Table" + "|" + "page 31 is past the draft's 30 pages (rule anchor.page-within-draft)",
                2 + "|" + "Type of comment" + "|" + "'xx' is not ge (general), te (technical) or ed (editorial)",
                2 + "|" + "Comments" + "|" + "must not be empty",
                3 + "|" + "MB/NC" + "|" + "must name who commented (a participant's id, name, affiliation or alias, or a new commenter's name)",
                3 + "|" + "Line number" + "|" + "'line 5' is not a line number or a range such as 120-125",
                3 + "|" + "Paragraph/Figure/Table" + "|" + "pages are numbered from 1 (rule anchor.page-positive)");
    }

    @Test
    void anExportedRowSaysTheCommentAsTheTemplateDoesAndReadsBackToTheSameComment() {
        CommentSummary comment = new CommentSummary("c1", "#1", "d", new ParticipantRef("jp", "Japan NB", Role.MEMBER, null),
                1, new Anchor(18, 19, "40", "4.2", null, 120, 125, "Table 3"), null, CommentKind.CHANGE_REQUEST,
                "The scope is unclear", null, CommentStatus.RESOLVED, false, AT, AT, "Say which systems");
        var responses = List.of(
                new ResponseDetail("r1", null, Disposition.CONSIDERING, "We will look", List.of(), AT, AT),
                new ResponseDetail("r2", null, Disposition.ACCEPTED, "Reworded", List.of(), AT, AT));

        Map<Column, String> row = Template.row(new DispositionEntry(comment, responses), PEOPLE);

        assertThat(row).containsExactlyEntriesOf(columns("JP", "120-125", "4.2", "pp.18–19 fn.40 Table 3", "te",
                "The scope is unclear", "Say which systems", "CONSIDERING: We will look\nACCEPTED: Reworded"));
        var back = check(List.of(new Sheet.Entry(2, row)), 30).get(0);
        assertThat(back.anchor()).isEqualTo(comment.anchor());
        assertThat(back.authorId()).isEqualTo("jp");
        assertThat(back.kind()).isEqualTo(CommentKind.CHANGE_REQUEST);
    }

    @Test
    void theMemberBodyIsTheAffiliationWhenUniqueElseTheNameElseTheId() {
        assertThat(Template.memberBody("jp", PEOPLE)).isEqualTo("JP");
        assertThat(Template.memberBody("de1", PEOPLE)).isEqualTo("Anna");
        assertThat(Template.memberBody("s1", PEOPLE)).isEqualTo("Secretary");
        assertThat(Template.memberBody("gone", PEOPLE)).isEqualTo("gone");
        var twins = List.of(participant("a", "Same", null), participant("b", "Same", null));
        assertThat(Template.memberBody("b", twins)).isEqualTo("b");
    }

    private static Participant participant(String id, String name, String affiliation) {
        return new Participant(id, name, Role.MEMBER, null, affiliation, false, AT, AT);
    }

    private static Sheet.Entry entry(int row, String... cells) {
        return new Sheet.Entry(row, columns(cells));
    }

    private static Map<Column, String> columns(String... cells) {
        Map<Column, String> m = new EnumMap<>(Column.class);
        for (int i = 0; i < cells.length; i++) {
            m.put(Column.TEMPLATE.get(i), cells[i]);
        }
        return m;
    }
}
