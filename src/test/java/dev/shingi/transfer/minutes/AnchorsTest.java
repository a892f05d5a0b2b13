package dev.shingi.transfer.minutes;

import dev.shingi.transfer.minutes.MinutesProposal.Anchor;
import dev.shingi.transfer.minutes.Parts.Part;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnchorsTest {

    private static Anchor pointAnchor(String said) {
        Part only = Parts.points(said, 0, said.length()).get(0);
        return Anchors.ofPoint(only, said);
    }

    @Test
    void pagesFootnotesRangesAndSectionsAsTopics() {
        assertThat(Anchors.topic("44ページ脚注40について、AIセキュリティポータルのURLが民間企業のドメインになっている。", true))
                .containsExactly(new Anchor(List.of(44), "40", null));
        assertThat(Anchors.topic("18～19ページについて、新NOTICEはIoTボットネット対策にとどまらず、", true))
                .containsExactly(new Anchor(List.of(18, 19), null, null));
        assertThat(Anchors.topic("「おわりに」の部分について、CYNEX、CYXROSS、NOTICEといった一次データを、", true))
                .containsExactly(new Anchor(List.of(), null, "おわりに"));
    }

    @Test
    void anAnswerNamesItsTopicOnlyBeforeについてOrLike() {
        assertThat(Anchors.topic("15ページについては、ご指摘を踏まえ、", false)).containsExactly(new Anchor(List.of(15), null, null));
        String resources = "41ページにおいて既に記載している。"; // 佐藤企画官 to 吉岡構成員, meeting-10 line 80
        assertThat(Anchors.topic(resources, false)).isEmpty();
        assertThat(Anchors.topic(resources, true)).containsExactly(new Anchor(List.of(41), null, null));
    }

    @Test
    void twoAnchorsJoinedBy及びAreBothTheTopic() {
        assertThat(Anchors.topic("15ページ及び21ページについては、いずれもご指摘を踏まえ修正したい。", false))
                .containsExactly(new Anchor(List.of(15), null, null), new Anchor(List.of(21), null, null));
    }

    @Test
    void aPointsAnchorMayComeAfterItsFirstSentenceOrInsideIt() {
        // 長尾委員, heldout/cao-bosai-bukai lines 29–31
        assertThat(pointAnchor("全体として、データ連携の方向性に賛同する。その上で、被災者支援の観点から、要配慮者の個人情報の取扱いについて、"
                + "平時からの同意取得の在り方を記載していただけないか（p.30）。")).isEqualTo(new Anchor(List.of(30), null, null));
        // 盛合構成員, meeting-10 line 98
        assertThat(pointAnchor("また、11ページ脚注12で、閉じ括弧が抜けている。")).isEqualTo(new Anchor(List.of(11), "12", null));
        // 新井構成員, meeting-10 lines 101–102: no anchor at all
        assertThat(pointAnchor("生成AIは技術の進展が非常に速いので、2030年に向けて継続的に動向を把握していくことを明記してはどうか。"))
                .isEqualTo(Anchor.NONE);
    }

    @Test
    void flagsNameAnAnchorShortly() {
        assertThat(Anchors.describe(new Anchor(List.of(18, 19), null, null))).isEqualTo("pp.18–19");
        assertThat(Anchors.describe(new Anchor(List.of(44), "40", null))).isEqualTo("p.44 fn.40");
        assertThat(Anchors.describe(new Anchor(List.of(), null, "おわりに"))).isEqualTo("§おわりに");
    }

    @Test
    void figuresTablesChaptersSectionsAnnexesAndLinesAreSectionsAndAPageRangeMayBeSpelledOut() {
        assertThat(pointAnchor("19ページの図4は、凡例の色が区別できない。")).isEqualTo(new Anchor(List.of(19), null, "図4"));
        assertThat(pointAnchor("11ページの表3の更新費用に除却費用が入っていない。")).isEqualTo(new Anchor(List.of(11), null, "表3"));
        assertThat(pointAnchor("表4の「その他」の内訳を示した方がよい。")).isEqualTo(new Anchor(List.of(), null, "表4"));
        assertThat(pointAnchor("第4章の居場所づくりについて触れてほしい。")).isEqualTo(new Anchor(List.of(), null, "第4章"));
        assertThat(pointAnchor("3.2節との関係はどうか。")).isEqualTo(new Anchor(List.of(), null, "3.2節"));
        assertThat(pointAnchor("別紙の用語集に加えてほしい。")).isEqualTo(new Anchor(List.of(), null, "別紙"));
        assertThat(pointAnchor("12ページ5行目の誤字。")).isEqualTo(new Anchor(List.of(12), null, "5行目"));
        assertThat(pointAnchor("17ページから18ページにかけての設問は比較できない。")).isEqualTo(new Anchor(List.of(17, 18), null, null));
        assertThat(pointAnchor("資料10-2の44ページ脚注40の出典を確認したい。")).isEqualTo(new Anchor(List.of(44), "40", null));
        assertThat(pointAnchor("代表2名の意見として、全体に賛成する。")).isEqualTo(Anchor.NONE);
    }

    @Test
    void otherPagesOfAPointAreThoseItsAnchorDoesNotHold() {
        String said = "12ページと15ページの両方で用語が違う。";
        Part only = Parts.points(said, 0, said.length()).get(0);
        assertThat(Anchors.otherPages(only, Anchors.ofPoint(only, said))).containsExactly(15);
        String range = "18～19ページについて、19ページの記載を改めるべき。";
        Part one = Parts.points(range, 0, range.length()).get(0);
        assertThat(Anchors.otherPages(one, Anchors.ofPoint(one, range))).isEmpty();
    }
}
