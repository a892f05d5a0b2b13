package dev.shingi.transfer.minutes;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TopicsTest {

    @Test
    void theLongestSharedRunOfKanjiKatakanaOrLatinCounts() {
        assertThat(Topics.shared("避難所データの様式は来年度に統一を検討する。", "22ページの避難所データについて、様式を統一すべき。",
                Topics.MIN)).isEqualTo(6); // 避難所データ
        assertThat(Topics.shared("ご指摘を踏まえて検討する。", "人材育成の具体策が乏しい。", Topics.MIN)).isZero();
        assertThat(Topics.shared("凡例については修正する。", "11頁の図表4の凡例が判読しにくい。", Topics.MIN)).isZero();
        assertThat(Topics.shared("凡例については修正する。", "11頁の図表4の凡例が判読しにくい。", Topics.WORD)).isEqualTo(2);
    }

    @Test
    void wordsEveryPointHoldsSayNothing() {
        assertThat(Topics.shared("15ページの記載を検討する。", "20ページの記載について検討すべき。", Topics.WORD)).isZero();
    }

    @Test
    void theBestCandidateMustShareStrictlyMoreThanAnyOther() {
        assertThat(Topics.best("避難所データは統一したい。", List.of("人材育成が乏しい。", "避難所データの様式。"), Topics.MIN)).isEqualTo(1);
        assertThat(Topics.best("データ連携を進めたい。", List.of("データ連携の範囲。", "データ連携の予算。"), Topics.MIN)).isEqualTo(-1);
        assertThat(Topics.best("予算を確保したい。", List.of("人材育成が乏しい。"), Topics.MIN)).isEqualTo(-1);
    }
}
