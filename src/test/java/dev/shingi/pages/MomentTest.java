package dev.shingi.pages;

import dev.shingi.deliberation.api.AsOf;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The moment a page writes into its links, and the paging of long lists. */
class MomentTest {
    static final ZoneId JST = ZoneId.of("Asia/Tokyo");
    static final Instant END_OF_MEETING = Instant.parse("2024-06-24T08:00:00Z");

    @Test
    void linksCarryTheMomentWithTheApisParametersAndAnOffsetThatSurvivesTheUrl() {
        Moment m = new Moment(END_OF_MEETING, null, null, new AsOf(END_OF_MEETING, 5), JST);
        assertThat(m.href("/deliberations/x")).isEqualTo("/deliberations/x?at=2024-06-24T17:00%2B09:00");
        assertThat(m.href("/deliberations/x/comments?author=tsuta", "p", 2))
                .isEqualTo("/deliberations/x/comments?author=tsuta&at=2024-06-24T17:00%2B09:00&p=2");
        assertThat(m.href("/x", "author", null)).isEqualTo("/x?at=2024-06-24T17:00%2B09:00");
        assertThat(m.href("/x", "q", "a&b=c d")).endsWith("&q=a%26b%3Dc%20d");
    }

    @Test
    void thePresentWritesNothingAndReplayWritesOnlyItsPosition() {
        Moment now = new Moment(null, null, null, AsOf.now(END_OF_MEETING), JST);
        assertThat(now.isNow()).isTrue();
        assertThat(now.href("/x")).isEqualTo("/x");
        assertThat(now.hrefAfterEvent("/replay", 42)).isEqualTo("/replay?afterEvent=42");
        assertThat(now.hrefAt("/x", END_OF_MEETING)).isEqualTo("/x?at=2024-06-24T17:00%2B09:00");
        Moment known = new Moment(null, Instant.parse("2020-01-01T00:00:00Z"), null, new AsOf(END_OF_MEETING, 0), JST);
        assertThat(known.href("/x")).isEqualTo("/x?knownAt=2020-01-01T09:00%2B09:00");
        assertThat(known.isRecordedClockSet()).isTrue();
    }

    @Test
    void timesAreShownAndTypedInThePagesZone() {
        Moment m = new Moment(END_OF_MEETING, null, null, new AsOf(END_OF_MEETING, 5), JST);
        assertThat(m.atInput()).isEqualTo("2024-06-24T17:00");
        assertThat(m.show(END_OF_MEETING)).isEqualTo("2024-06-24 17:00");
        assertThat(m.zoneName()).isEqualTo("JST");
    }

    @Test
    void aJapaneseReaderReadsDatesTheJapaneseWay() {
        Moment m = new Moment(END_OF_MEETING, null, null, new AsOf(END_OF_MEETING, 5), JST);
        LocaleContextHolder.setLocale(Locale.JAPANESE);
        try {
            assertThat(m.show(END_OF_MEETING)).isEqualTo("2024年6月24日 17:00");
            assertThat(m.showSeconds(END_OF_MEETING.plusSeconds(7))).isEqualTo("2024年6月24日 17:00:07");
            assertThat(m.showDate(LocalDate.of(2024, 7, 1))).isEqualTo("2024年7月1日");
            assertThat(m.showDate(null)).isEqualTo("—");
            assertThat(m.atInput()).as("an input's value stays the browser's own format").isEqualTo("2024-06-24T17:00");
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        try {
            assertThat(m.show(END_OF_MEETING)).isEqualTo("2024-06-24 17:00");
            assertThat(m.showDate(LocalDate.of(2024, 7, 1))).isEqualTo("2024-07-01");
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    @Test
    void theSliderStandsOnTheLastNotchAtOrBeforeTheMoment() {
        Instant a = Instant.parse("2024-06-24T05:00:00Z");
        Instant b = Instant.parse("2024-06-24T06:00:00Z");
        Slider slider = new Slider(List.of(a, b, END_OF_MEETING), List.of(), java.util.Map.of());
        assertThat(slider.notchOf(a.minusSeconds(1))).isZero();
        assertThat(slider.notchOf(b)).isEqualTo(1);
        assertThat(slider.notchOf(b.plusSeconds(60))).isEqualTo(1);
        assertThat(slider.notchOf(END_OF_MEETING.plusSeconds(3600))).isEqualTo(2);
        assertThat(slider.localTimes(JST)).isEqualTo("2024-06-24T14:00,2024-06-24T15:00,2024-06-24T17:00");
    }

    @Test
    void aPageOfAListNeverFallsOffEitherEnd() {
        List<Integer> all = java.util.stream.IntStream.rangeClosed(1, 120).boxed().toList();
        Paged<Integer> second = Paged.of(all, 2, 50);
        assertThat(second.items()).first().isEqualTo(51);
        assertThat(second.first()).isEqualTo(51);
        assertThat(second.last()).isEqualTo(100);
        assertThat(second.pages()).isEqualTo(3);
        assertThat(Paged.of(all, 99, 50).items()).containsExactlyElementsOf(all.subList(100, 120));
        assertThat(Paged.of(all, -3, 50).page()).isEqualTo(1);
        Paged<Integer> none = Paged.of(List.of(), 1, 50);
        assertThat(none.first()).isZero();
        assertThat(none.hasNext()).isFalse();
    }
}
