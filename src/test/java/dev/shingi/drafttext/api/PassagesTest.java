package dev.shingi.drafttext.api;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PassagesTest {
    private static final DocumentText TEXT = new DocumentText("0".repeat(64), List.of(
            new TextPage(1, List.of("本案は「ＩＣＴサイバーセキュリティ政策」の", "方向性を示すものである。注1")),
            new TextPage(2, List.of("The draft is the draft", "of the policy.", "脆弱性対策の強化"))));

    @Test
    void aQuoteWrappedOverTwoLinesIsFoundWhereItStarts() {
        assertThat(Passages.find(TEXT, "政策」の方向性", null, null)).containsExactly(new TextPosition(1, 1));
        assertThat(Passages.find(TEXT, "draft of the policy", null, null)).containsExactly(new TextPosition(2, 1));
    }

    @Test
    void everyOccurrenceIsFoundInReadingOrderAndCaseCounts() {
        assertThat(Passages.find(TEXT, "draft", null, null))
                .containsExactly(new TextPosition(2, 1), new TextPosition(2, 1));
        assertThat(Passages.find(TEXT, "the draft", null, null)).containsExactly(new TextPosition(2, 1));
        assertThat(Passages.find(TEXT, "policy", null, null)).containsExactly(new TextPosition(2, 2));
    }

    @Test
    void prefixAndSuffixChooseAmongOccurrences() {
        assertThat(Passages.find(TEXT, "draft", "is the", "of the")).containsExactly(new TextPosition(2, 1));
        assertThat(Passages.find(TEXT, "draft", "The", "is")).containsExactly(new TextPosition(2, 1));
        assertThat(Passages.find(TEXT, "draft", "not", null)).isEmpty();
    }

    @Test
    void fullWidthDigitsAreNotHalfWidthDigits() {
        assertThat(Passages.find(TEXT, "注1", null, null)).containsExactly(new TextPosition(1, 2));
        assertThat(Passages.find(TEXT, "注１", null, null)).isEmpty();
        assertThat(Passages.find(TEXT, "ICT", null, null)).isEmpty();
    }

    @Test
    void aQuoteOfWhiteSpaceAloneIsNowhere() {
        assertThat(Passages.find(TEXT, " \u3000 ", null, null)).isEmpty();
    }
}
