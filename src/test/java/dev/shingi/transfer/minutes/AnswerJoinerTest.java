package dev.shingi.transfer.minutes;

import dev.shingi.deliberation.api.CommitmentKind;
import dev.shingi.deliberation.api.Disposition;
import dev.shingi.transfer.minutes.AnswerJoiner.Answers;
import dev.shingi.transfer.minutes.MinutesProposal.Response;
import dev.shingi.transfer.minutes.MinutesProposal.Uncertain;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerJoinerTest {

    private static Response to(Answers answers, String ref) {
        return answers.responses().stream().filter(r -> ref.equals(r.commentRef())).findFirst().orElseThrow();
    }

    @Test
    void byAnchorThenByOrderThePointWithoutAPageTakesTheLastAnswerPart() {
        Answers answers = AnswerJoiner.join(Stages.points("meeting-10"));
        assertThat(to(answers, "c3").text()).isEqualTo("44ページ脚注40については、総務省の委託事業であることを明記したい。");
        assertThat(to(answers, "c3").disposition()).isEqualTo(Disposition.ACCEPTED);
        Response newspaper = to(answers, "c4");
        assertThat(newspaper.text()).startsWith("新聞報道の件については、");
        assertThat(newspaper.disposition()).isEqualTo(Disposition.NOTED);
        assertThat(newspaper.responder()).isEqualTo("佐藤");
    }

    @Test
    void いずれもAnswersBothOfTheMembersPointsWithOneText() {
        Answers answers = AnswerJoiner.join(Stages.points("meeting-10"));
        Response c13 = to(answers, "c13");
        Response c14 = to(answers, "c14");
        assertThat(c13.text()).isEqualTo("いずれもご指摘のとおり修正したい。").isEqualTo(c14.text());
        assertThat(c13.commitment().kind()).isEqualTo(CommitmentKind.REVISE_DRAFT);
        assertThat(c13.lines()).containsExactly(105, 105);
    }

    @Test
    void meetingTenLeavesOnlyTheEndorsementUnansweredAndFlagsNothing() {
        Answers answers = AnswerJoiner.join(Stages.points("meeting-10"));
        assertThat(answers.responses()).extracting(Response::commentRef).doesNotContainNull().doesNotContain("c18");
        assertThat(answers.flags()).isEmpty();
        assertThat(answers.unanswered()).isEmpty(); // c18 is an ENDORSEMENT: it needs no answer
    }

    @Test
    void unjoinedPartsAndUndecidedAnswersAreFlaggedOnTheirLines() {
        Answers answers = AnswerJoiner.join(Stages.points("wg-ambiguous"));
        assertThat(answers.flags()).extracting(TurnFlag::flag).contains(
                new Uncertain(List.of(25, 25), "2 answer part(s) of 小池企画官 without a page or order, and 3 open point(s) "
                        + "of 高木 they could answer; not joined", "answer-parts-unplaced", List.of("2", "小池企画官", "3", "高木")),
                new Uncertain(List.of(26, 26), "2 answer part(s) of 小池企画官 without a page or order, and 3 open point(s) "
                        + "of 高木 they could answer; not joined", "answer-parts-unplaced", List.of("2", "小池企画官", "3", "高木")),
                new Uncertain(List.of(33, 34), "no phrase of the answer decides its disposition", "disposition-unclear",
                        List.of()));
        // c1: its speaker is one of two 田中; c2–c4: 高木's, unjoined; c6: 佐々木 got no answer; c5 (江間) was joined
        assertThat(answers.unanswered()).extracting(Uncertain::reason).containsExactly(
                "no answer to c1 (CHANGE_REQUEST) was found", "no answer to c2 (QUESTION) was found",
                "no answer to c3 (CHANGE_REQUEST) was found", "no answer to c4 (CHANGE_REQUEST) was found",
                "no answer to c6 (CHANGE_REQUEST) was found");
    }
}
