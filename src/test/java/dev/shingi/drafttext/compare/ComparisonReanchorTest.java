package dev.shingi.drafttext.compare;

import dev.shingi.drafttext.api.AnchorStatus;
import dev.shingi.drafttext.api.CommentAnchor;
import dev.shingi.drafttext.api.DocumentText;
import dev.shingi.drafttext.api.Reanchoring;
import dev.shingi.drafttext.api.Spot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.shingi.drafttext.compare.Drafts.DMARC_1;
import static dev.shingi.drafttext.compare.Drafts.DMARC_2;
import static dev.shingi.drafttext.compare.Drafts.HEADING;
import static dev.shingi.drafttext.compare.Drafts.NOTICE_1;
import static dev.shingi.drafttext.compare.Drafts.NOTICE_2;
import static dev.shingi.drafttext.compare.Drafts.NOTICE_3;
import static dev.shingi.drafttext.compare.Drafts.PORT;
import static dev.shingi.drafttext.compare.Drafts.document;
import static org.assertj.core.api.Assertions.assertThat;

class ComparisonReanchorTest {
    static final String SECURE_BY_DESIGN = "今後は、セキュア・バイ・デザインの考え方を踏まえ、製造事業者との連携を一層強化する。";
    static final String SECURE_BY_DEFAULT =
            "今後は、セキュア・バイ・デザイン、セキュア・バイ・デフォルト及びシフトレフトの考え方を踏まえ、製造事業者との連携を一層強化する。";

    /** v1 with the secure-by-design sentence edited (comment 2 of meeting 10) and the port-transport sentence gone. */
    static DocumentText v2() {
        return document(
                String.join("\n", HEADING, NOTICE_1,
                        "実施してきた。今後は、セキュア・バイ・デザイン、セキュア・バイ・デフォルト及びシフトレフトの",
                        "考え方を踏まえ、製造事業者との連携を一層強化する。"),
                String.join("\n", DMARC_1, DMARC_2));
    }

    static CommentAnchor quoting(String id, int page, Integer line, String quote) {
        return new CommentAnchor(id, "#" + id, page, line, quote, null, null);
    }

    private static Reanchoring one(DocumentText older, DocumentText newer, CommentAnchor anchor) {
        List<Reanchoring> all = Comparison.between(older, newer).reanchor(List.of(anchor));
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    @Test
    void anUnchangedPassageAtTheSamePlaceIsCarried() {
        assertThat(one(Drafts.v1(), v2(), quoting("c1", 1, 2, "脆弱なＩｏＴ機器の利用者"))).isEqualTo(new Reanchoring("c1",
                AnchorStatus.CARRIED, new Spot(1, 2, "脆弱なＩｏＴ機器の利用者"), new Spot(1, 2, null), null, null));
    }

    @Test
    void anUnchangedPassageElsewhereIsMovedWithItsNewPageAndLine() {
        assertThat(one(Drafts.v1(), v2(), quoting("c7", 2, 3, "定期的に公表する"))).isEqualTo(new Reanchoring("c7",
                AnchorStatus.MOVED, new Spot(2, 3, "定期的に公表する"), new Spot(2, 2, null), null, null));
    }

    @Test
    void aQuoteInAnEditedSentenceIsChangedWithTheSentenceAsEachVersionReadsIt() {
        assertThat(one(Drafts.v1(), v2(), quoting("c2", 1, 3, "セキュア・バイ・デザインの考え方"))).isEqualTo(
                new Reanchoring("c2", AnchorStatus.CHANGED, new Spot(1, 3, "セキュア・バイ・デザインの考え方"),
                        new Spot(1, 3, null), SECURE_BY_DESIGN, SECURE_BY_DEFAULT));
    }

    @Test
    void anUnchangedQuoteInASentenceEditedElsewhereIsStillReportedChanged() {
        assertThat(one(Drafts.v1(), v2(), quoting("c3", 1, 4, "製造事業者との連携")).status()).isEqualTo(AnchorStatus.CHANGED);
    }

    @Test
    void aDeletedSentenceOrphansItsCommentAndKeepsTheOldText() {
        assertThat(one(Drafts.v1(), v2(), quoting("c1", 2, 1, "港湾運送"))).isEqualTo(new Reanchoring("c1",
                AnchorStatus.ORPHANED, new Spot(2, 1, "港湾運送"), null, PORT, null));
    }

    @Test
    void aCommentWithOnlyAPageAndLineIsAnchoredByThatLinesText() {
        assertThat(one(Drafts.v1(), v2(), quoting("c12", 2, 2, null))).isEqualTo(new Reanchoring("c12",
                AnchorStatus.MOVED, new Spot(2, 2, DMARC_1), new Spot(2, 1, null), null, null));
        assertThat(one(Drafts.v1(), v2(), quoting("c11", 1, 4, null))).isEqualTo(new Reanchoring("c11",
                AnchorStatus.CHANGED, new Spot(1, 4, NOTICE_3), new Spot(1, 3, null), SECURE_BY_DESIGN, SECURE_BY_DEFAULT));
    }

    @Test
    void aCommentWithOnlyAPageIsAnchoredByThePagesText() {
        assertThat(one(Drafts.v1(), v2(), quoting("c5", 1, null, null)).status()).isEqualTo(AnchorStatus.CHANGED);
        DocumentText pageOneKept = document(String.join("\n", HEADING, NOTICE_1, NOTICE_2, NOTICE_3), DMARC_1 + DMARC_2);
        assertThat(one(Drafts.v1(), pageOneKept, quoting("c5", 1, null, null))).isEqualTo(new Reanchoring("c5",
                AnchorStatus.CARRIED, new Spot(1, 1, "第３章ＩｏＴ機器のセキュリティ対策" + NOTICE_1 + NOTICE_2 + NOTICE_3),
                new Spot(1, 1, null), null, null));
    }

    @Test
    void aQuoteOverALineBreakIsFoundAsTheReaderSawIt() {
        assertThat(one(Drafts.v1(), v2(), quoting("c4", 1, 2, "注意喚起を\n実施してきた"))).isEqualTo(new Reanchoring("c4",
                AnchorStatus.CARRIED, new Spot(1, 2, "注意喚起を実施してきた"), new Spot(1, 2, null), null, null));
    }

    @Test
    void prefixAndSuffixTellARepeatedQuoteApart() {
        DocumentText older = document(String.join("\n",
                "地方公共団体の情報システムについて、ＩＳＭＡＰ－ＬＩＵの活用に向けた取組を推進する。",
                "放送事業者については、ＣＹＤＥＲ等の演習を通じた人材育成に向けた取組を推進する。"));
        DocumentText newer = document(String.join("\n",
                "地方公共団体の情報システムについて、ＩＳＭＡＰ－ＬＩＵの活用に向けた取組を推進する。",
                "放送事業者については、地域ＳＥＣＵＮＩＴＹ等と連携した人材育成に向けた取組を推進する。"));
        Comparison comparison = Comparison.between(older, newer);

        List<Reanchoring> found = comparison.reanchor(List.of(
                new CommentAnchor("c12", "#12", 1, null, "に向けた取組を推進する", "活用", "。"),
                new CommentAnchor("c17", "#17", 1, null, "に向けた取組を推進する", "人材育成", "。")));

        assertThat(found).extracting(Reanchoring::status).containsExactly(AnchorStatus.CARRIED, AnchorStatus.CHANGED);
        assertThat(found.get(1).from()).isEqualTo(new Spot(1, 2, "に向けた取組を推進する"));
    }

    @Test
    void aRepeatedSentenceWhoseTwinWasEditedIsNotClaimedUnchanged() {
        String same = "関係機関と連携して対処する。";
        DocumentText older = document(same + "\n" + same);
        DocumentText newer = document("関係府省庁と連携して対処する。\n" + same);

        Reanchoring first = one(older, newer, quoting("c1", 1, 1, "関係機関と連携"));
        Reanchoring second = one(older, newer, quoting("c2", 1, 2, "関係機関と連携"));

        assertThat(first.status()).isEqualTo(AnchorStatus.CHANGED);
        assertThat(first.newText()).isEqualTo("関係府省庁と連携して対処する。");
        assertThat(second.status()).isEqualTo(AnchorStatus.CARRIED);
    }

    @Test
    void aSentencePutInsideAQuotedPassageChangesIt() {
        DocumentText older = document("第一に、体制を整備する。第二に、人材を育成する。");
        DocumentText newer = document("第一に、体制を整備する。また、予算を確保する。第二に、人材を育成する。");

        Reanchoring r = one(older, newer, quoting("c1", 1, 1, "体制を整備する。第二に"));

        assertThat(r).isEqualTo(new Reanchoring("c1", AnchorStatus.CHANGED, new Spot(1, 1, "体制を整備する。第二に"),
                new Spot(1, 1, null), "第一に、体制を整備する。第二に、人材を育成する。",
                "第一に、体制を整備する。また、予算を確保する。第二に、人材を育成する。"));
    }

    @Test
    void aQuoteNotInTheVersionItWasRaisedOnIsOrphaned() {
        assertThat(one(Drafts.v1(), v2(), quoting("c9", 1, 2, "国家安全保障戦略"))).isEqualTo(new Reanchoring("c9",
                AnchorStatus.ORPHANED, new Spot(1, 2, "国家安全保障戦略"), null, null, null));
    }

    @Test
    void aCommentWithNeitherQuoteNorPageIsLeftOut() {
        assertThat(Comparison.between(Drafts.v1(), v2()).reanchor(List.of(
                new CommentAnchor("c4", "#4", null, null, null, null, null),
                quoting("c1", 1, 2, "脆弱なＩｏＴ機器")))).extracting(Reanchoring::commentId).containsExactly("c1");
    }

    @Test
    void aQuoteOnAnotherPageThanStatedIsFoundWhereItIs() {
        assertThat(one(Drafts.v1(), v2(), quoting("c7", 1, 1, "ＤＮＳＳＥＣの導入"))).isEqualTo(new Reanchoring("c7",
                AnchorStatus.MOVED, new Spot(2, 2, "ＤＮＳＳＥＣの導入"), new Spot(2, 1, null), null, null));
    }
}
