package dev.shingi.transfer.minutes;

import dev.shingi.deliberation.api.CommentKind;
import dev.shingi.deliberation.api.CommitmentKind;
import dev.shingi.deliberation.api.Disposition;
import dev.shingi.deliberation.api.Role;
import dev.shingi.transfer.minutes.MinutesProposal.Anchor;
import dev.shingi.transfer.minutes.MinutesProposal.Comment;
import dev.shingi.transfer.minutes.MinutesProposal.Response;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The tricky rules of the minutes parser, one small document each. */
class MinutesParserTest {
    private final MinutesParser parser = new MinutesParser();

    private static final String HEAD = """
            テスト検討会（第２回）
            議事要旨
            １．日時
            令和６年６月24日（月）14時00分～16時00分
            ２．場所
            WEB開催
            ３．出席者
            【構成員】
            後藤主査、蔦構成員、上原構成員
            【総務省】
            佐藤サイバーセキュリティ統括官室企画官
            ４．配布資料
            資料 2－１ 『方針』（案）
            ５．議事概要
            """;

    private MinutesProposal parse(String body) {
        return parser.parse(HEAD + body);
    }

    private static String anchor(Comment c) {
        return Scorer.anchor(c.anchor());
    }

    @Test
    void readsTheHeaderItems() {
        MinutesProposal p = parse("");
        assertThat(p.meeting()).isEqualTo(new MinutesProposal.Meeting("テスト検討会（第2回）", 2, LocalDate.of(2024, 6, 24),
                LocalTime.of(14, 0), LocalTime.of(16, 0), "WEB開催"));
        assertThat(p.materials()).containsExactly(new MinutesProposal.Material("資料2-1", "方針（案）"));
        assertThat(p.participants()).containsExactly(
                new MinutesProposal.Participant("後藤", "主査", Role.CHAIR),
                new MinutesProposal.Participant("蔦", "構成員", Role.MEMBER),
                new MinutesProposal.Participant("上原", "構成員", Role.MEMBER),
                new MinutesProposal.Participant("佐藤", "サイバーセキュリティ統括官室企画官", Role.SECRETARIAT));
    }

    @Test
    void anchorFormsAreRead() {
        MinutesProposal p = parse("""
                蔦構成員）
                　18～19 ページについて、記載すべき。
                　44 ページ脚注 40 について、修正すべき。
                　脚注 14 について、引用が古い。
                　p.７について、追記すべき。
                　「おわりに」の部分について、強調してはどうか。
                """);
        assertThat(p.comments()).extracting(MinutesParserTest::anchor)
                .containsExactly("pp18-19", "p44 fn40", "fn14", "p7", "§おわりに");
        assertThat(p.comments()).extracting(Comment::author).containsOnly("蔦");
        assertThat(p.comments().get(0).lines()).containsExactly(16, 16);
    }

    @Test
    void twoPointsInOneParagraphAreTwoComments() {
        MinutesProposal p = parse("""
                上原構成員）
                15 ページについて、港湾運送を記載してはどうか。21 ページについて、シフトレフトにも言及すべき。また、新聞報
                道の件は記載されるのか。
                """);
        assertThat(p.comments()).extracting(c -> c.ref() + " " + anchor(c) + " " + c.text()).containsExactly(
                "c1 p15 15ページについて、港湾運送を記載してはどうか。",
                "c2 p21 21ページについて、シフトレフトにも言及すべき。",
                "c3 - また、新聞報道の件は記載されるのか。");
        assertThat(p.comments().get(2).lines()).containsExactly(16, 17);
        assertThat(p.comments().get(2).kind()).isEqualTo(CommentKind.QUESTION);
    }

    @Test
    void aMemberWhoSpeaksTwiceIsAnsweredOnlyOnTheOpenPoint() {
        MinutesProposal p = parse("""
                蔦構成員）
                　15 ページについて、記載してはどうか。
                佐藤企画官）
                　蔦構成員への回答。15 ページについては、記載したい。
                蔦構成員）
                　もう一点、15 ページの図について、出典を記載すべき。
                佐藤企画官）
                　蔦構成員への回答。15 ページについては、既に記載している。
                """);
        assertThat(p.responses()).extracting(r -> r.commentRef() + " " + r.disposition() + " " + r.evidence())
                .containsExactly("c1 ACCEPTED 記載したい", "c2 ANSWERED 既に記載している");
    }

    @Test
    void anAnswerCoveringTwoPointsAnswersBoth() {
        MinutesProposal p = parse("""
                蔦構成員）
                　15 ページについて、記載してはどうか。
                　21 ページについて、追記すべき。
                上原構成員）
                　15 ページについて、修正すべき。
                佐藤企画官）
                　蔦構成員への回答。15 ページ及び 21 ページについては、いずれもご指摘を踏まえ修正したい。
                　上原構成員への回答。ご指摘を踏まえて検討したい。
                """);
        assertThat(p.responses()).extracting(r -> r.commentRef() + " " + r.disposition()
                        + " " + (r.commitment() == null ? "-" : r.commitment().kind()))
                .containsExactly("c1 ACCEPTED REVISE_DRAFT", "c2 ACCEPTED REVISE_DRAFT", "c3 CONSIDERING CONSIDER");
        assertThat(p.responses().get(0).text()).isEqualTo(p.responses().get(1).text());
        assertThat(p.uncertain()).isEmpty();
    }

    @Test
    void anAmbiguousAnswerIsLeftUnjoinedAndSaidSo() {
        MinutesProposal p = parse("""
                蔦構成員）
                　国際連携を強化すべき。
                　人材育成も重要である。
                佐藤企画官）
                　蔦構成員への回答。ご指摘を踏まえ検討したい。引き続き取り組みたい。
                　29 ページについては、修正したい。
                """);
        assertThat(p.responses()).extracting(Response::commentRef).containsOnlyNulls();
        assertThat(p.responses()).hasSize(2);
        assertThat(p.uncertain()).extracting(MinutesProposal.Uncertain::reason).contains(
                "1 answer part(s) of 佐藤企画官 without a page or order, and 2 open point(s) of 蔦 they could answer; not joined",
                "answer part about p.29 matches not exactly one open point of 蔦; not joined");
    }

    @Test
    void noAuthorIsInventedForAnUnclearSpeaker() {
        MinutesProposal p = parser.parse(HEAD.replace("蔦構成員、上原構成員", "蔦構成員、上原構成員、田中構成員、田中構成員") + """
                田中構成員）
                　15 ページについて、記載すべき。
                佐藤企画官）
                　田中構成員への回答。15 ページについては、記載したい。
                """);
        assertThat(p.comments()).extracting(Comment::author).containsExactly((String) null);
        assertThat(p.responses()).extracting(Response::commentRef).containsExactly((String) null);
        assertThat(p.uncertain()).extracting(MinutesProposal.Uncertain::reason)
                .contains("speaker '田中構成員' matches 2 attendees; author left empty");
    }

    @Test
    void anAnswerWithoutADecidingPhraseHasNoDisposition() {
        MinutesProposal p = parse("""
                蔦構成員）
                　15 ページについて、記載すべき。
                佐藤企画官）
                　蔦構成員への回答。15 ページについては、関係者の議論が続いている。
                """);
        Response r = p.responses().get(0);
        assertThat(r.commentRef()).isEqualTo("c1");
        assertThat(r.disposition()).isNull();
        assertThat(r.evidence()).isNull();
        assertThat(p.uncertain()).extracting(MinutesProposal.Uncertain::reason)
                .containsExactly("no phrase of the answer decides its disposition");
    }

    @Test
    void dispositionPhrasesDecideInOrderOfStrength() {
        assertThat(Phrases.decide("修正したい。")).isEqualTo(new Phrases.Decision(Disposition.ACCEPTED, "修正したい",
                CommitmentKind.REVISE_DRAFT, "修正したい。"));
        assertThat(Phrases.decide("記載することを検討したい。").disposition()).isEqualTo(Disposition.CONSIDERING);
        assertThat(Phrases.decide("既に記載しているが、さらに追記したい。").disposition()).isEqualTo(Disposition.ACCEPTED);
        assertThat(Phrases.decide("変更は難しいが、見直しを行いたい。"))
                .isEqualTo(new Phrases.Decision(Disposition.DECLINED, "難しい", CommitmentKind.ACTION, "変更は難しいが、見直しを行いたい。"));
        assertThat(Phrases.decide("新 NOTICE の取組を進めたい。").disposition()).isEqualTo(Disposition.NOTED);
        assertThat(Phrases.decide("念頭に置いて記載しているところである。").commitment()).isNull();
        assertThat(Phrases.decide("議論が続いている。")).isNull();
    }

    @Test
    void pdfDamageIsRepairedAndLinesStillPointAtTheOriginal() {
        MinutesProposal p = parse("""
                蔦構成員）
                　１５ ページについて、セキュア・バイ・デ
                
                - 3 -
                \fフォルトと secure by\s
                design、CYX
                ROSS に言及すべき。
                """);
        Comment c = p.comments().get(0);
        assertThat(c.text()).isEqualTo("15ページについて、セキュア・バイ・デフォルトとsecure by design、CYXROSSに言及すべき。");
        assertThat(c.anchor()).isEqualTo(new Anchor(List.of(15), null, null));
        assertThat(c.lines()).containsExactly(16, 21);
    }
}
