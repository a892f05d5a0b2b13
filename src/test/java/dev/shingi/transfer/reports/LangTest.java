package dev.shingi.transfer.reports;

import dev.shingi.edge.InvalidInput;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The report's language: by the lang parameter, else by Accept-Language, else Japanese. */
class LangTest {

    @Test
    void theParameterNamesTheLanguageWhateverItsCaseAndWinsOverTheHeader() {
        assertThat(Lang.of("ja", "en")).isEqualTo(Lang.JA);
        assertThat(Lang.of(" EN ", "ja")).isEqualTo(Lang.EN);
        assertThat(Lang.JA.locale).isEqualTo(Locale.JAPANESE);
        assertThat(Lang.EN.locale).isEqualTo(Locale.ENGLISH);
        assertThat(Lang.CODES).containsExactly("ja", "en");
    }

    @Test
    void anyOtherParameterIsRefusedNamingTheFieldAndTheLanguages() {
        assertThatThrownBy(() -> Lang.of("en-US", null)).isInstanceOf(InvalidInput.class)
                .hasMessage("'en-US' is not a language of the reports; use ja or en")
                .extracting(e -> ((InvalidInput) e).field()).isEqualTo("lang");
        assertThatThrownBy(() -> Lang.of("fr", "ja")).isInstanceOf(InvalidInput.class)
                .hasMessage("'fr' is not a language of the reports; use ja or en");
    }

    @Test
    void acceptLanguageGivesTheFirstOfJapaneseAndEnglishByWeight() {
        assertThat(Lang.of(null, "en-US,en;q=0.9,ja;q=0.8")).isEqualTo(Lang.EN);
        assertThat(Lang.of(null, "fr-CH, fr;q=0.9, ja;q=0.5, en;q=0.4")).isEqualTo(Lang.JA);
        assertThat(Lang.of(null, "ja;q=0.3, en-GB;q=0.7")).isEqualTo(Lang.EN);
        assertThat(Lang.of(null, "en;q=0, ja;q=0")).isEqualTo(Lang.JA);
        assertThat(Lang.of(null, "ja;q=0, en;q=0.1")).isEqualTo(Lang.EN);
        assertThat(Lang.of(null, "ja-JP")).isEqualTo(Lang.JA);
    }

    @Test
    void noHeaderAnOtherLanguageOrAMalformedHeaderMeanJapanese() {
        assertThat(Lang.of(null, null)).isEqualTo(Lang.JA);
        assertThat(Lang.of(null, " ")).isEqualTo(Lang.JA);
        assertThat(Lang.of(null, "fr, de;q=0.5")).isEqualTo(Lang.JA);
        assertThat(Lang.of(null, "*")).isEqualTo(Lang.JA);
        assertThat(Lang.of(null, "en;q=2")).isEqualTo(Lang.JA);
        assertThat(Lang.of(null, "enn-")).isEqualTo(Lang.JA);
    }
}
