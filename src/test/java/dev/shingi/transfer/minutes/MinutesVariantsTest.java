package dev.shingi.transfer.minutes;

import dev.shingi.deliberation.api.CommitmentKind;
import dev.shingi.deliberation.api.Disposition;
import dev.shingi.deliberation.api.Role;
import dev.shingi.transfer.minutes.MinutesProposal.Comment;
import dev.shingi.transfer.minutes.MinutesProposal.Participant;
import dev.shingi.transfer.minutes.MinutesProposal.Response;
import dev.shingi.transfer.minutes.MinutesProposal.Uncertain;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The formats found by the held-out evaluation (docs/import-minutes.md, "Held-out evaluation"): other ministries'
 * headers and speaker lines, anonymised speakers, written comments read out or reported, more anchor and phrase forms.
 */
class MinutesVariantsTest {
    private final MinutesParser parser = new MinutesParser();

    private static final String HEAD = """
            テスト検討会（第３回）
            議事概要
            １．日時：令和６年７月９日（火）１３時００分から１５時００分まで
            ２．場所：オンライン
            ３．出席者
            （構成員）
            宮崎座長、岡本構成員、川口構成員、清水構成員
            （事務局）
            山田参事官（政策担当）、藤原電気通信技術システム課安全・信頼性対策室長
            ４．議事
            （１）方針（案）について
            ５．議事概要
            """;

    private MinutesProposal parse(String body) {
        return parser.parse(HEAD + body);
    }

    private static String joined(MinutesProposal p) {
        StringBuilder b = new StringBuilder();
        for (Response r : p.responses()) {
            b.append(r.commentRef()).append(' ').append(r.disposition()).append(' ').append(r.responder()).append(';');
        }
        return b.toString();
    }

    @Test
    void itemsWithoutNumbersAndHeadingsWithoutBrackets() {
        MinutesProposal p = parser.parse("""
                産業サイバーセキュリティ研究会 ワーキンググループ２（第７回）
                議事要旨
                日時：令和６年９月２７日（金曜日）１５時００分～１７時００分
                場所：オンライン
                出席者：
                委員：安藤座長、桑原委員
                事務局：商務情報政策局 サイバーセキュリティ課
                議題：
                （１）ガイドライン（案）について
                議事概要：
                （座長）
                ○Ｐ８について、段階的な対応を認めるべき。
                """);
        assertThat(p.meeting().date()).isEqualTo(LocalDate.of(2024, 9, 27));
        assertThat(p.meeting().start()).isEqualTo(LocalTime.of(15, 0));
        assertThat(p.participants()).startsWith(new Participant("安藤", "座長", Role.CHAIR),
                new Participant("桑原", "委員", Role.MEMBER));
        assertThat(p.comments()).extracting(c -> c.author() + " " + Scorer.anchor(c.anchor()) + " " + c.text())
                .containsExactly("安藤 p8 P8について、段階的な対応を認めるべき。"); // （座長） is the one 座長 listed
    }

    @Test
    void speakerLinesOfOtherMinutes() {
        MinutesProposal p = parse("""
                【岡本構成員】
                p15 の住所データについて、ロードマップを示すべき。
                （川口構成員）
                ・P.８ の法人データについて、扱いを伺いたい。
                ・１１頁の図表４の凡例が判読しにくい。
                ○清水構成員　岡本構成員の意見に賛成する。
                【事務局（山田参事官）】
                岡本構成員からのご指摘について。ロードマップの記載を検討したい。
                藤原安全・信頼性対策室長）
                川口構成員への回答。
                法人データについては、既に記載している。
                凡例については、ご指摘のとおり修正する。
                """);
        assertThat(p.comments()).extracting(c -> c.ref() + " " + c.author() + " " + Scorer.anchor(c.anchor()))
                .containsExactly("c1 岡本 p15", "c2 川口 p8", "c3 川口 p11", "c4 清水 -");
        assertThat(joined(p)).isEqualTo("c1 CONSIDERING 山田;c2 ANSWERED 藤原;c3 ACCEPTED 藤原;");
        assertThat(p.uncertain()).isEmpty();
    }

    @Test
    void anonymisedSpeakersAreNeverAuthorsAndACollectiveAnswerJoinsNothing() {
        MinutesProposal p = parse("""
                （委員）
                ○１２ページの評価制度と認証の関係を図示してはどうか。
                （事務局）
                関係を整理した図を追加する方向で反映させていただく。
                （委員）
                ○全体として、よいガイドラインになっている。
                （委員）
                ○脚注２３の URL がリンク切れになっている。
                （事務局）
                いただいたご意見については、今後の改訂の参考とさせていただきたい。
                """);
        // no one is guessed: the points are the meeting's unnamed member's, who stands for no one, each flagged
        assertThat(p.comments()).extracting(Comment::author).containsOnly("氏名の記載のない委員（第3回）").hasSize(3);
        assertThat(p.participants()).filteredOn(x -> UnnamedMember.is(x.name())).containsExactly(
                new MinutesProposal.Participant("氏名の記載のない委員（第3回）", "委員", dev.shingi.deliberation.api.Role.MEMBER));
        assertThat(joined(p)).isEqualTo("c1 ACCEPTED null;null NOTED null;");
        assertThat(p.uncertain()).extracting(Uncertain::reason)
                .contains("c1 was raised by a member the minutes do not name: it is recorded for '氏名の記載のない委員（第3回）', who stands for no one",
                        "what 事務局 says names no one it answers, and 2 speakers raised points since the last answer; not joined");
    }

    @Test
    void writtenCommentsReadOutBelongToTheAbsentMember() {
        MinutesProposal p = parse("""
                清水構成員）
                全体として、賛同する。
                山田参事官）
                本日ご欠席の平野構成員から書面で意見をいただいているので、事務局から代読する。
                ・Ｐ．９の被害想定の図について、出典を明記すべき。
                ・３２頁の用語集に「ローミング」を追加してはどうか。
                藤原安全・信頼性対策室長）
                平野構成員への回答。
                いずれもご指摘を踏まえて修正したい。
                """);
        assertThat(p.comments()).extracting(c -> c.ref() + " " + c.author() + " " + Scorer.anchor(c.anchor()))
                .containsExactly("c1 清水 -", "c2 平野 p9", "c3 平野 p32");
        assertThat(p.participants()).contains(new Participant("平野", "構成員", Role.MEMBER));
        assertThat(joined(p)).isEqualTo("c2 ACCEPTED 藤原;c3 ACCEPTED 藤原;");
        assertThat(p.uncertain()).extracting(Uncertain::reason).containsExactly(
                "written comments of '平野構成員', who is not in the attendee list (absent); added as MEMBER");
    }

    @Test
    void reportedWrittenCommentsAndAReportedAnswer() {
        MinutesProposal p = parse("""
                （２）その他
                事務局から、欠席の林委員から提出された事前意見について紹介があった。主な内
                容は以下のとおり。
                ・脚注 7 の統計の出典年が誤っている。
                ・３５ページの用語集に「Lアラート」を追加すべき。
                これに対し、事務局から、いずれも反映させていただく旨の回答があった。
                （以上）
                """);
        assertThat(p.comments()).extracting(c -> c.author() + " " + Scorer.anchor(c.anchor()) + " " + c.text())
                .containsExactly("林 fn7 脚注7の統計の出典年が誤っている。", "林 p35 35ページの用語集に「Lアラート」を追加すべき。");
        assertThat(joined(p)).isEqualTo("c1 ACCEPTED null;c2 ACCEPTED null;");
    }

    @Test
    void moreAnchorForms() {
        MinutesProposal p = parse("""
                岡本構成員）
                P15 について、目標年次を明記すべき。
                ３３頁の注 ５ のリンク先が英語のみである。
                資料２－１の３ページ、定義に「可用性」を加えるべき。
                ２３ページ脚注 ９の出典が古い。
                「今後の方向性」について、工程表を付けてはどうか。
                川口構成員）
                全体として賛同する。その上で、同意取得の在り方を記載していただけないか（p.30）。
                """);
        assertThat(p.comments()).extracting(c -> Scorer.anchor(c.anchor()))
                .containsExactly("p15", "p33 fn5", "p3", "p23 fn9", "§今後の方向性", "p30");
    }

    @Test
    void morePhrasesDecide() {
        assertThat(Phrases.decide("最新版に差し替えたい。").disposition()).isEqualTo(Disposition.ACCEPTED);
        assertThat(Phrases.decide("図を追加する方向で反映させていただく。").disposition()).isEqualTo(Disposition.ACCEPTED);
        assertThat(Phrases.decide("今後の改訂の参考とさせていただきたい。"))
                .isEqualTo(new Phrases.Decision(Disposition.NOTED, "参考とさせていただきたい", null, null));
        assertThat(Phrases.decide("次年度の検討課題としたい。"))
                .isEqualTo(new Phrases.Decision(Disposition.CONSIDERING, "検討課題としたい", CommitmentKind.CONSIDER,
                        "次年度の検討課題としたい。"));
        assertThat(Phrases.decide("本計画での対応は困難である。").disposition()).isEqualTo(Disposition.DECLINED);
    }

    /** 「出席者：…中村顧問…」 with no heading: the adviser's role is not guessed; their points are still theirs. */
    @Test
    void anAttendeeWhoseTitleDoesNotTellTheRoleKeepsTheirPointsAndIsFlagged() {
        MinutesProposal p = parser.parse("""
                テスト懇談会（第２回）
                議事要旨
                １．日時：令和６年７月９日（火）１３時００分から１５時００分まで
                ２．場所：オンライン
                ３．出席者：宮崎座長、岡本構成員、中村顧問、山田参事官
                ４．議事概要
                中村顧問）
                　15ページについて、記載を見直すべき。
                山田参事官）
                　ご指摘を踏まえ修正したい。
                """);
        assertThat(p.participants()).containsExactly(new Participant("宮崎", "座長", Role.CHAIR),
                new Participant("岡本", "構成員", Role.MEMBER), new Participant("中村", "顧問", null),
                new Participant("山田", "参事官", Role.SECRETARIAT));
        assertThat(p.comments()).extracting(Comment::author).containsExactly("中村");
        assertThat(joined(p)).isEqualTo("c1 ACCEPTED 山田;");
        assertThat(p.uncertain()).containsExactly(new Uncertain(List.of(5, 5),
                "the title '顧問' of attendee '中村顧問' does not tell the role; role left empty: choose it",
                "role-unknown", List.of("中村顧問", "顧問")));
    }
}
