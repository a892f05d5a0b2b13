package dev.shingi.drafttext.compare;

import dev.shingi.drafttext.api.DocumentText;
import dev.shingi.drafttext.api.TextChange;
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

class ComparisonDiffTest {

    static final String ROUTERS = "新たに、ルーター等の脆弱性に起因する被害への対処を進める。";
    static final String CHAPTER_4 = "第４章　電気通信事業者の取組\n電気通信事業者は、フロー情報の分析によるＣ２サーバの検知を進める。";

    @Test
    void identicalTextsHaveNoChanges() {
        assertThat(Comparison.between(Drafts.v1(), Drafts.v1()).changes()).isEmpty();
    }

    @Test
    void anEditedSentenceIsReportedWholeWithWhereItStartsInEachVersion() {
        DocumentText v2 = document(
                String.join("\n", HEADING, NOTICE_1,
                        "実施してきた。今後は、セキュア・バイ・デザイン、セキュア・バイ・デフォルト及びシフトレフトの",
                        "考え方を踏まえ、製造事業者との連携を一層強化する。"),
                String.join("\n", PORT, DMARC_1, DMARC_2));

        assertThat(Comparison.between(Drafts.v1(), v2).changes()).containsExactly(new TextChange(1, 3, 1, 1, 3, 1,
                "今後は、セキュア・バイ・デザインの考え方を踏まえ、製造事業者との連携を一層強化する。",
                "今後は、セキュア・バイ・デザイン、セキュア・バイ・デフォルト及びシフトレフトの考え方を踏まえ、製造事業者との連携を一層強化する。"));
    }

    @Test
    void textPushedOverAPageBreakIsNotAChangeOnlyTheSentenceThatPushedItIs() {
        DocumentText v2 = document(
                String.join("\n", HEADING, NOTICE_1, NOTICE_2, NOTICE_3, ROUTERS),
                String.join("\n", PORT, DMARC_1),
                DMARC_2);

        assertThat(Comparison.between(Drafts.v1(), v2).changes())
                .containsExactly(new TextChange(2, 1, 2, 1, 5, 1, "", ROUTERS));
    }

    @Test
    void anInsertedPageIsOneInsertionWithItsHeadingOnALineOfItsOwn() {
        DocumentText v2 = document(String.join("\n", HEADING, NOTICE_1, NOTICE_2, NOTICE_3), CHAPTER_4,
                String.join("\n", PORT, DMARC_1, DMARC_2));

        assertThat(Comparison.between(Drafts.v1(), v2).changes()).containsExactly(new TextChange(2, 1, 2, 2, 1, 2, "",
                "第４章電気通信事業者の取組\n電気通信事業者は、フロー情報の分析によるＣ２サーバの検知を進める。"));
    }

    @Test
    void aRemovedPageIsOneDeletionPointingWhereTheTextWasInTheNewerVersion() {
        DocumentText withChapter4 = document(String.join("\n", HEADING, NOTICE_1, NOTICE_2, NOTICE_3), CHAPTER_4,
                String.join("\n", PORT, DMARC_1, DMARC_2));

        assertThat(Comparison.between(withChapter4, Drafts.v1()).changes()).containsExactly(new TextChange(2, 1, 2, 2, 1, 2,
                "第４章電気通信事業者の取組\n電気通信事業者は、フロー情報の分析によるＣ２サーバの検知を進める。", ""));
    }

    @Test
    void aChangeRunningOverAPageBreakNamesTheFirstAndLastPageOfEachSide() {
        DocumentText v2 = document(
                String.join("\n", HEADING, NOTICE_1, NOTICE_2, NOTICE_3, PORT, "また、ＤＭＡＲＣ及びＤＮＳＳＥＣの導入を促進するとともに、"),
                "その導入状況を毎年度公表する。");

        assertThat(Comparison.between(Drafts.v1(), v2).changes()).containsExactly(new TextChange(2, 2, 2, 1, 6, 2,
                "また、ＤＭＡＲＣ及びＤＮＳＳＥＣの導入を促進するとともに、その導入状況を定期的に公表する。",
                "また、ＤＭＡＲＣ及びＤＮＳＳＥＣの導入を促進するとともに、その導入状況を毎年度公表する。"));
    }

    @Test
    void extractionSpacingIsNotAChangeAndLatinWordsKeepOneSpaceOverALineBreak() {
        DocumentText spaced = document(String.join("\n", "第３章  ＩｏＴ機器の セキュリティ対策", NOTICE_1, NOTICE_2, NOTICE_3),
                String.join("\n", PORT, DMARC_1, DMARC_2));
        assertThat(Comparison.between(Drafts.v1(), spaced).changes()).isEmpty();
        assertThat(Comparison.between(Drafts.v1(), document(String.join("\n", "第３章　ＩｏＴ機器のセキュリティ対策 ",
                " " + NOTICE_1, NOTICE_2 + "  ", NOTICE_3), String.join("\n", PORT, DMARC_1, DMARC_2))).changes()).isEmpty();

        List<TextChange> latin = Comparison.between(document("Secure by design is\nencouraged. See p.12 for details."),
                document("Secure by design is\nrequired. See p.12 for details.")).changes();
        assertThat(latin).containsExactly(new TextChange(1, 1, 1, 1, 1, 1,
                "Secure by design is encouraged.", "Secure by design is required."));
    }
}
