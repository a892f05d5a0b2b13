package dev.shingi.deliberation.query;

import dev.shingi.deliberation.api.*;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.shingi.deliberation.query.ViewsFixture.ALL;
import static dev.shingi.deliberation.query.ViewsFixture.D;
import static dev.shingi.deliberation.query.ViewsFixture.M1;
import static dev.shingi.deliberation.query.ViewsFixture.M2;
import static dev.shingi.deliberation.query.ViewsFixture.S1;
import static dev.shingi.deliberation.query.ViewsFixture.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Who answered what: one line per comment and response, by responder and by the member who raised the comment. */
class AnswersQueriesTest {

    static final ParticipantRef S2 = new ParticipantRef("s2", "Second Secretary", Role.SECRETARIAT, null);
    final ViewsFixture fixture = new ViewsFixture();

    /**
     * #1 (6) answered by s1 (9) with #1.10 (10) and #1.2 (11); #2 (7) declined by s2 (13), registered at 12; the remark
     * #3 (8) unanswered.
     */
    @BeforeEach
    void story() {
        fixture.open(day(0));
        fixture.draft(1, day(1));
        fixture.raise("c1", 1, "m1", CommentKind.CHANGE_REQUEST, day(2));
        fixture.raise("c2", 2, "m2", CommentKind.QUESTION, day(2));
        fixture.raise("c3", 3, "m1", CommentKind.REMARK, day(3));
        fixture.respond("c1", "c1-r1", Disposition.ACCEPTED, day(4));
        fixture.commit("c1", "c1-r1", "k10", "#1.10", null, day(4));
        fixture.commit("c1", "c1-r1", "k2", "#1.2", null, day(4));
        fixture.record(new ParticipantRegistered(D, "s2", "Second Secretary", Role.SECRETARIAT, null, null, false,
                day(5)));
        fixture.record(new CommentResponded(D, "c2", "c2-r1", "s2", Disposition.DECLINED, "no", day(5)));
    }

    Answers answers(Instant at, long position) {
        return fixture.queries.answers().handle(new FindAnswers(D, new AsOf(at, position)));
    }

    @Test
    void groupsTheLinesByResponderAndByMemberWithTheCommitmentsInNumberOrder() {
        AnswerLine first = new AnswerLine("c1", "#1", M1, S1, CommentKind.CHANGE_REQUEST, "p.1", Disposition.ACCEPTED,
                CommentStatus.AWAITING, List.of("#1.2", "#1.10"));
        AnswerLine second = new AnswerLine("c2", "#2", M2, S2, CommentKind.QUESTION, "p.2", Disposition.DECLINED,
                CommentStatus.DECLINED, List.of());
        AnswerLine third = new AnswerLine("c3", "#3", M1, null, CommentKind.REMARK, "p.3", null, CommentStatus.OPEN,
                List.of());

        Answers answers = answers(day(60), ALL);

        assertThat(answers.byResponder()).containsExactly(new ResponderAnswers(S1, List.of(first)),
                new ResponderAnswers(S2, List.of(second)));
        assertThat(answers.byMember()).containsExactly(new MemberAnswers(M1, List.of(first, third)),
                new MemberAnswers(M2, List.of(second)));
    }

    @Test
    void aReopenedCommentAnsweredAgainHasALinePerResponseEachWithItsOwnCommitments() {
        fixture.record(new CommentReopened(D, "c1", "m1", "not enough", day(6)));
        fixture.record(new CommentResponded(D, "c1", "c1-r2", "s1", Disposition.NOTED, "noted", day(7)));

        ResponderAnswers bySecretary = answers(day(60), ALL).byResponder().get(0);
        assertThat(bySecretary.responder()).isEqualTo(S1);
        // the commitments of the first answer are still open: the comment awaits them
        assertThat(bySecretary.answered()).containsExactly(
                new AnswerLine("c1", "#1", M1, S1, CommentKind.CHANGE_REQUEST, "p.1", Disposition.ACCEPTED,
                        CommentStatus.AWAITING, List.of("#1.2", "#1.10")),
                new AnswerLine("c1", "#1", M1, S1, CommentKind.CHANGE_REQUEST, "p.1", Disposition.NOTED,
                        CommentStatus.AWAITING, List.of()));
        // between the reopening and the second answer, the first answer's line shows the comment open
        assertThat(answers(day(6), ALL).byResponder().get(0).answered()).extracting(AnswerLine::disposition,
                AnswerLine::status).containsExactly(tuple(Disposition.ACCEPTED,
                CommentStatus.OPEN));
    }

    @Test
    void showsWhatHadHappenedAndWhatTheLedgerKnew() {
        // before any answer occurred: every comment is a line with no responder
        Answers before = answers(day(4).minusMillis(1), ALL);
        assertThat(before.byResponder()).isEmpty();
        assertThat(before.byMember()).extracting(m -> m.member().id(), m -> m.raised().size())
                .containsExactly(tuple("m1", 2), tuple("m2", 1));
        assertThat(before.byMember().get(0).raised()).extracting(AnswerLine::responder, AnswerLine::status)
                .containsOnly(tuple(null, CommentStatus.OPEN));

        // the answer to #1 known (9), its commitments not yet: answered, with nothing promised
        assertThat(answers(day(60), 9).byResponder()).containsExactly(new ResponderAnswers(S1, List.of(
                new AnswerLine("c1", "#1", M1, S1, CommentKind.CHANGE_REQUEST, "p.1", Disposition.ACCEPTED,
                        CommentStatus.ANSWERED, List.of()))));
        // s2 known (12), its answer (13) not yet: no line of s2's
        assertThat(answers(day(60), 12).byResponder()).extracting(ResponderAnswers::responder).containsExactly(S1);
    }

    @Test
    void aResponseIdUsedByTwoCommentsKeepsEachCommentsCommitments() {
        // response ids are unique within their comment only (docs/api.md): #3's answer may also be called "c1-r1"
        fixture.record(new CommentResponded(D, "c3", "c1-r1", "s1", Disposition.NOTED, "noted", day(6)));

        AnswerLine third = answers(day(60), ALL).byMember().get(0).raised().get(1);
        assertThat(third.commentId()).isEqualTo("c3");
        assertThat(third.disposition()).isEqualTo(Disposition.NOTED);
        assertThat(third.commitments()).isEmpty();
    }

    @Test
    void anUnknownDeliberationIsRefused() {
        assertThatThrownBy(() -> fixture.queries.answers().handle(new FindAnswers("nope", new AsOf(day(60), ALL))))
                .isInstanceOfSatisfying(UnknownRecord.class, e -> assertThat(e.field()).isEqualTo("deliberationId"))
                .hasMessage("No deliberation 'nope'.");
    }
}
