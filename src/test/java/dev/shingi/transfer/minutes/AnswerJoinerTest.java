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

    private static final String HEAD = """
            テスト検討会（第３回）
            議事概要
            １．日時：令和６年７月９日（火）１３時００分から１５時００分まで
            ２．場所：オンライン
            ３．出席者
            （構成員）
            宮崎座長、岡本構成員、川口構成員、清水構成員
            （事務局）
            山田参事官（政策担当）
            ４．議事概要
            事務局から資料１に基づき説明があった。主な意見は以下のとおり。
            岡本構成員から、22ページの避難所データについて、市町村ごとの様式を統一すべきとの意見があった。
            川口構成員から、人材育成の具体策が乏しいとの指摘があった。
            """;

    private static String joins(MinutesProposal p) {
        return String.join(";", p.responses().stream().map(r -> r.commentRef() + " " + r.join() + " " + r.sure()).toList());
    }

    /** A reported answer after two reported points takes the one whose words it shares: sure, nothing flagged. */
    @Test
    void aReportedAnswerAfterSeveralReportedPointsIsJoinedByItsTopicWords() {
        MinutesProposal p = new MinutesParser().parse(HEAD + "これに対し、事務局から、避難所データの様式は来年度に統一を検討する旨の回答があった。\n");
        assertThat(p.comments()).extracting(c -> c.ref() + " " + c.author()).containsExactly("c1 岡本", "c2 川口");
        assertThat(joins(p)).isEqualTo("c1 TOPIC true");
        assertThat(p.responses().get(0).text()).isEqualTo("避難所データの様式は来年度に統一を検討する。");
        assertThat(p.uncertain()).extracting(Uncertain::code).doesNotContain("answer-join-unsure");
    }

    /** With no word in common it goes to the point just before it, and says so: unsure, flagged on its line. */
    @Test
    void aReportedAnswerSharingNoWordsTakesThePointJustBeforeItUnsure() {
        MinutesProposal p = new MinutesParser().parse(HEAD + "これに対し、事務局から、ご指摘を踏まえて検討する旨の回答があった。\n");
        assertThat(joins(p)).isEqualTo("c2 NEAREST false");
        assertThat(p.uncertain()).contains(new Uncertain(List.of(14, 14), "answer joined to c2 by its place alone "
                + "(nearest: the point just before it), not by a page, an ordinal or the point's words: check it",
                "answer-join-unsure", List.of("c2", "NEAREST")));
        assertThat(p.uncertain()).extracting(Uncertain::code).contains("unanswered"); // c1, a change request, is open
    }

    /** Two answer parts for two open points, no page, ordinal or shared word: joined by order, and flagged. */
    @Test
    void aJoinByOrderAloneAmongSeveralOpenPointsIsUnsure() {
        MinutesProposal p = new MinutesParser().parse(HEAD.substring(0, HEAD.indexOf("事務局から資料")) + """
                川口構成員）
                　人材育成の具体策を示すべき。
                　また、予算の見通しを伺いたい。
                山田参事官）
                　川口構成員への回答。研修を充実させたい。
                　次に、来年度の要求で対応したい。
                """);
        assertThat(joins(p)).isEqualTo("c1 ORDER false;c2 ORDER false");
        assertThat(p.uncertain()).filteredOn(u -> u.code().equals("answer-join-unsure"))
                .extracting(Uncertain::lines, Uncertain::args).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(List.of(15, 15), List.of("c1", "ORDER")),
                        org.assertj.core.groups.Tuple.tuple(List.of(16, 16), List.of("c2", "ORDER")));
    }

    /** meeting-10: every join says how it was made, and each is sure. */
    @Test
    void meetingTenSaysHowEachAnswerWasJoined() {
        MinutesProposal p = new MinutesParser().parse(MinutesCorpusTest.resource("meeting-10.txt"));
        assertThat(p.responses()).allMatch(r -> Boolean.TRUE.equals(r.sure()));
        java.util.Map<String, MinutesProposal.Join> by = new java.util.HashMap<>();
        p.responses().forEach(r -> by.put(r.commentRef(), r.join()));
        assertThat(by.get("c1")).isEqualTo(MinutesProposal.Join.ANCHOR);
        assertThat(by.get("c13")).isEqualTo(MinutesProposal.Join.ALL);
        assertThat(by.get("c14")).isEqualTo(MinutesProposal.Join.ALL);
    }
}
