package dev.shingi.transfer.minutes;

import dev.shingi.transfer.minutes.Parts.Part;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PartsTest {
    /** 佐藤企画官's answer to 蔦構成員, meeting-10 lines 58–63, as glued by SourceText. */
    private static final String ANSWER = "蔦構成員への回答。15ページについては、ご指摘を踏まえ、経済安全保障推進法の改正について脚注で記載したい。"
            + "21ページについては、セキュア・バイ・デザイン等の考え方を本文に追記したい。44ページ脚注40については、総務省の委託事業であることを明記したい。"
            + "新聞報道の件については、現在NISCにおいて設計中と承知している。NICTとしても貢献できると考えている。";

    @Test
    void anAnswerStartsAPartAtEveryAnchorAndAtASentenceWithItsOwnTopic() {
        int from = ANSWER.indexOf("15ページ");
        assertThat(Parts.answer(ANSWER, from, ANSWER.length())).extracting(Part::text).containsExactly(
                "15ページについては、ご指摘を踏まえ、経済安全保障推進法の改正について脚注で記載したい。",
                "21ページについては、セキュア・バイ・デザイン等の考え方を本文に追記したい。",
                "44ページ脚注40については、総務省の委託事業であることを明記したい。",
                "新聞報道の件については、現在NISCにおいて設計中と承知している。NICTとしても貢献できると考えている。");
    }

    @Test
    void aMembersPointsDoNotSplitAtATopicWithoutAnAnchor() {
        int from = ANSWER.indexOf("15ページ");
        assertThat(Parts.points(ANSWER, from, ANSWER.length())).hasSize(3).last().extracting(Part::text).asString()
                .startsWith("44ページ脚注40については、").endsWith("貢献できると考えている。");
    }

    @Test
    void circledNumbersSplitPointsAndTheAnnouncementOfHowManyIsDropped() {
        // 若林部会長代理, heldout/cao-bosai-bukai lines 24–27
        String said = "2点申し上げる。①p.12の被災者台帳の標準化について、市町村ごとにシステムが異なることを踏まえ、標準仕様への移行期限を明記すべき。"
                + "②18-19ページの「防災デジタルプラットフォーム」の図について、都道府県と市町村の役割分担が読み取れないので、図を修正いただきたい。";
        assertThat(Parts.points(said, 0, said.length())).extracting(p -> p.text().substring(0, 6))
                .containsExactly("①p.12の", "②18-19");
    }

    @Test
    void thanksAndTheChairsCallForAnswersAreNoPoint() {
        String said = "ありがとうございました。それでは事務局から回答をお願いしたい。"; // 後藤主査, meeting-10 line 123
        assertThat(Parts.points(said, 0, said.length())).isEmpty();
    }

    @Test
    void aParagraphBreakStartsAPointAndPartsKnowTheirPlaceInTheTurn() {
        String said = "13ページ脚注14について、引用されている文献が非常に古い。\nまた、11ページ脚注12で、閉じ括弧が抜けている。";
        assertThat(Parts.points(said, 0, said.length())).extracting(Part::start).containsExactly(0, said.indexOf("また"));
    }
}
