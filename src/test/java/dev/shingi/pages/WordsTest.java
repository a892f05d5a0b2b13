package dev.shingi.pages;

import dev.shingi.deliberation.api.Phrase;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The timeline's sentences from the real bundles, a due date said as the reader reads dates. */
class WordsTest {
    private static final ResourceBundleMessageSource BUNDLES = new ResourceBundleMessageSource();

    static {
        BUNDLES.setBasename("messages");
        BUNDLES.setDefaultEncoding("UTF-8");
        BUNDLES.setFallbackToSystemLocale(false);
    }

    private static final Phrase COMMITTED = Phrase.of("timeline.committed", "#1.1",
            Phrase.of("commitmentKind.REVISE_DRAFT"), "佐藤", "脚注を追記", Phrase.ifPresent("2024-07-01", "timeline.due"));

    @Test
    void aDueDateIsSaidInTheJapaneseWayOnAJapanesePageAndAsIsOnAnEnglishOne() {
        assertThat(new Words(BUNDLES, Locale.JAPANESE).say(COMMITTED)).endsWith("：脚注を追記（期限 2024年7月1日）");
        assertThat(new Words(BUNDLES, Locale.ENGLISH).say(COMMITTED)).endsWith(": 脚注を追記, due 2024-07-01");
    }

    @Test
    void aTextThatOnlyLooksLikeADateIsNotTurnedIntoOne() {
        assertThat(new Words(BUNDLES, Locale.JAPANESE).say(Phrase.of("timeline.due", "2024-13-45")))
                .isEqualTo("（期限 2024-13-45）");
    }
}
