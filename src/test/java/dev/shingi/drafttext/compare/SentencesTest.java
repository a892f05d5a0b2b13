package dev.shingi.drafttext.compare;

import dev.shingi.drafttext.api.AnchorStatus;
import dev.shingi.drafttext.api.CommentAnchor;
import dev.shingi.drafttext.api.DocumentText;
import dev.shingi.drafttext.api.Reanchoring;
import dev.shingi.drafttext.api.Spot;
import dev.shingi.drafttext.api.TextChange;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.shingi.drafttext.compare.Drafts.document;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The units a change is reported in, on fragments as the extractors give them: src/test/resources/drafttext's
 * Markdown, pdftotext and Chromium-PDF lines, and the headings of the reference deliberation's draft (２．現状と課題,
 * 第３章, （１）). A heading is a unit of its own; a sentence broken over lines (as a PDF breaks it) stays whole.
 */
class SentencesTest {

    static List<String> units(String... pages) {
        return Sentences.of(JoinedText.of(document(pages))).stream().map(Sentences.Unit::text).toList();
    }

    @Test
    void aMarkdownHeadingIsAUnitOfItsOwnAndTheSentenceUnderItStartsOnItsOwnLine() {
        assertThat(units("## ２．現状と課題\n脆弱性対策の強化が求められている。\n「重要インフラ」の定義は第３章による。"))
                .containsExactly("##２．現状と課題", "脆弱性対策の強化が求められている。", "「重要インフラ」の定義は第３章による。");
        assertThat(units("# サイバーセキュリティ政策の方向性（案）\n令和６年６月２４日\n## １．はじめに\n"
                + "本案は「ＩＣＴサイバーセキュリティ政策」の方向性を示すものである。注1"))
                .containsExactly("#サイバーセキュリティ政策の方向性（案）", "令和６年６月２４日", "##１．はじめに",
                        "本案は「ＩＣＴサイバーセキュリティ政策」の方向性を示すものである。", "注1");
    }

    @Test
    void aShortNumberedLineWithoutClosingPunctuationIsAHeadingWhateverItsNumbering() {
        assertThat(units("２．現状と課題\n脆弱性対策の強化が求められている。"))
                .containsExactly("２．現状と課題", "脆弱性対策の強化が求められている。");
        assertThat(units("第3章 ＩｏＴ機器のセキュリティ対策\n総務省は、注意喚起を実施してきた。"))
                .containsExactly("第3章ＩｏＴ機器のセキュリティ対策", "総務省は、注意喚起を実施してきた。");
        assertThat(units("（１） 概要\n本案は方向性を示す。\n(2) 今後の進め方\n引き続き検討を進める。"))
                .containsExactly("（１）概要", "本案は方向性を示す。", "(2)今後の進め方", "引き続き検討を進める。");
        assertThat(units("3.2 対策の方向性\n製造事業者との連携を一層強化する。"))
                .containsExactly("3.2対策の方向性", "製造事業者との連携を一層強化する。");
        assertThat(units("2. Current issues\nVulnerability handling must be strengthened."))
                .containsExactly("2. Current issues", "Vulnerability handling must be strengthened.");
    }

    @Test
    void aSentenceBrokenOverLinesAsPdfTextBreaksItStaysOneUnit() {
        assertThat(units("  １．はじめに\n本案は「ＩＣＴサイバーセキュリティ政策」の\n方向性を示すものである。注1\n２．現状と課題\n"
                + "脆弱性対策の強化が求められている。"))
                .containsExactly("１．はじめに", "本案は「ＩＣＴサイバーセキュリティ政策」の方向性を示すものである。", "注1",
                        "２．現状と課題", "脆弱性対策の強化が求められている。");
        assertThat(units(String.join("\n", Drafts.NOTICE_1, Drafts.NOTICE_2, Drafts.NOTICE_3))).containsExactly(
                "総務省は、ＮＯＴＩＣＥの取組を通じて、脆弱なＩｏＴ機器の利用者に対する注意喚起を実施してきた。",
                "今後は、セキュア・バイ・デザインの考え方を踏まえ、製造事業者との連携を一層強化する。");
    }

    @Test
    void aNumberedParagraphIsNoHeadingAndItsNumbersFullStopEndsNothing() {
        assertThat(units("１．" + Drafts.NOTICE_1 + "\n" + Drafts.NOTICE_2)).containsExactly(
                "１．総務省は、ＮＯＴＩＣＥの取組を通じて、脆弱なＩｏＴ機器の利用者に対する注意喚起を実施してきた。",
                "今後は、セキュア・バイ・デザインの考え方を踏まえ、製造事業者との");
        assertThat(units("（２）以下のとおり、\n関係機関と連携する。\n３．本案は方向性を示す。\n引き続き検討を進める。"))
                .as("a short numbered line that runs on (、) or ends as a sentence (。) is no heading")
                .containsExactly("（２）以下のとおり、関係機関と連携する。", "３．本案は方向性を示す。", "引き続き検討を進める。");
    }

    @Test
    void aNumberOrFigureInsideASentenceIsNoHeadingMark() {
        assertThat(units("被害は前年の\n1.5倍に増えた。詳細は\n第３章で述べる。"))
                .containsExactly("被害は前年の1.5倍に増えた。", "詳細は第３章で述べる。");
    }

    static final DocumentText V1 = document("## ２．現状と課題\n脆弱性対策の強化が求められている。\n「重要インフラ」の定義は第３章による。");
    static final DocumentText V2 = document("## ２．現状と課題\n脆弱性対策の一層の強化が求められている。");

    @Test
    void theDiffOfTheSentenceUnderAHeadingCarriesNeitherTheHeadingNorItsLine() {
        assertThat(Comparison.between(V1, V2).changes()).containsExactly(new TextChange(1, 2, 1, 1, 2, 1,
                "脆弱性対策の強化が求められている。\n「重要インフラ」の定義は第３章による。", "脆弱性対策の一層の強化が求められている。"));
    }

    @Test
    void reanchoringThePassageUnderAHeadingPointsAtItsOwnLine() {
        List<Reanchoring> r = Comparison.between(V1, V2).reanchor(List.of(
                new CommentAnchor("c1", "#1", 1, 2, "脆弱性対策の強化", null, null),
                new CommentAnchor("c2", "#2", 1, 1, "現状と課題", null, null)));
        assertThat(r).containsExactly(
                new Reanchoring("c1", AnchorStatus.CHANGED, new Spot(1, 2, "脆弱性対策の強化"), new Spot(1, 2, null),
                        "脆弱性対策の強化が求められている。", "脆弱性対策の一層の強化が求められている。"),
                new Reanchoring("c2", AnchorStatus.CARRIED, new Spot(1, 1, "現状と課題"), new Spot(1, 1, null), null, null));
    }
}
