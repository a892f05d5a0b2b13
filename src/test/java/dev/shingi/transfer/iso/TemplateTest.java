package dev.shingi.transfer.iso;

import dev.shingi.deliberation.api.Anchor;
import dev.shingi.deliberation.api.CommentKind;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The mapping between a template row and a comment, both ways, and every refusal of a row. */
class TemplateTest {
    private static final Instant AT = Instant.parse("2024-06-24T05:00:00Z");
    private static final List<Participant> PEOPLE = List.of(
            participant("jp", "Japan NB", "JP"),
            participant("de1", "Anna", "DE"),
            participant("de2", "Bernd", "DE"),
            participant("s1", "Secretary", null));

    @Test
    void aGoodRowBecomesTheCommentItDescribes() {
        var comments = Template.check(List.of(entry(3, "JP", "120-125", "4.2", "pp.18–19 fn.40 Table 3", "te",
                "The scope is unclear", "Say which systems", "ACCEPTED: done")), PEOPLE, 30);

        assertThat(comments).containsExactly(new Template.Comment(3, "jp",
                new Anchor(18, 19, "40", "4.2", null, 120, 125, "Table 3"), CommentKind.CHANGE_REQUEST,
                "The scope is unclear", "Say which systems", true));
    }

    @Test
    void theAuthorIsFoundByIdNameOrAffiliationAndBlankCellsAreLeftUnknown() {
        var comments = Template.check(List.of(
                entry(2, "de1", "", "", "", "ge", "a", "", ""),
                entry(3, "Bernd", "7", "", "p.2", "ED", "b", "", ""),
                entry(4, "jp", "", "", "Figure 1", "ge", "c", "", "")), PEOPLE, null);

        assertThat(comments).extracting(Template.Comment::authorId).containsExactly("de1", "de2", "jp");
        assertThat(comments.get(0).anchor()).isEqualTo(new Anchor(null, null, null, null, null, null, null, null));
        assertThat(comments.get(0).proposedChange()).isNull();
        assertThat(comments.get(0).hadObservations()).isFalse();
        assertThat(comments.get(1).anchor()).isEqualTo(new Anchor(2, 2, null, null, null, 7, 7, null));
        assertThat(comments.get(1).kind()).isEqualTo(CommentKind.EDITORIAL);
        assertThat(comments.get(2).anchor().element()).isEqualTo("Figure 1");
    }

    @Test
    void everyProblemOfEveryRowIsReportedWithItsRowAndColumnAndNothingIsReturned() {
        BadTable bad = catchThrowableOfType(BadTable.class, () -> Template.check(List.of(
                entry(2, "DE", "125-120", "", "p.31", "xx", "", "", ""),
                entry(3, "", "line 5", "", "p.0", "ge", "fine", "", ""),
                entry(4, "nobody", "", "", "", "ge", "fine", "", "")), PEOPLE, 30));

        assertThat(bad.getMessage()).isEqualTo("9 problem(s) in the table; nothing was recorded.");
        assertThat(bad.problems.stream().map(p -> p.row() + "|" + p.column() + "|" + p.reason()).toList()).containsExactly(
                2 + "|" + "MB/NC" + "|" + "'DE' names 2 participants (de1, de2); use a participant id",
                2 + "|" + "Line number" + "|" + "the range ends before it starts (125-120)",
                2 + "|" + "Paragraph/Figure/Table" + "|" + "page 31 is past the draft's 30 pages (rule anchor.page-within-draft)",
                2 + "|" + "Type of comment" + "|" + "'xx' is not ge (general), te (technical) or ed (editorial)",
                2 + "|" + "Comments" + "|" + "must not be empty",
                3 + "|" + "MB/NC" + "|" + "must name a participant (id, name or affiliation)",
                3 + "|" + "Line number" + "|" + "'line 5' is not a line number or a range such as 120-125",
                3 + "|" + "Paragraph/Figure/Table" + "|" + "pages are numbered from 1 (rule anchor.page-positive)",
                4 + "|" + "MB/NC" + "|" + "'nobody' is no participant's id, name or affiliation in this deliberation");
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
        var back = Template.check(List.of(new Sheet.Entry(2, row)), PEOPLE, 30).get(0);
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
            m.put(Column.values()[i], cells[i]);
        }
        return m;
    }
}
