package dev.shingi.transfer.reports;

import dev.shingi.edge.InvalidInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The report's format: by the format parameter, else by the Accept header, else HTML. */
class FormatTest {

    @Test
    void theParameterNamesTheFormatWhateverItsCaseAndWinsOverTheAcceptHeader() {
        assertThat(Format.of("html", null)).isEqualTo(Format.HTML);
        assertThat(Format.of(" CSV ", null)).isEqualTo(Format.CSV);
        assertThat(Format.of("md", null)).isEqualTo(Format.MD);
        assertThat(Format.of("Markdown", null)).isEqualTo(Format.MD);
        assertThat(Format.of("csv", "text/markdown")).isEqualTo(Format.CSV);
    }

    @Test
    void anyOtherParameterIsRefusedNamingTheFieldAndTheFormats() {
        assertThatThrownBy(() -> Format.of("xlsx", "text/csv")).isInstanceOf(InvalidInput.class)
                .hasMessage("'xlsx' is not a report format; use html, csv or md")
                .extracting(e -> ((InvalidInput) e).field()).isEqualTo("format");
        assertThatThrownBy(() -> Format.of("", null)).isInstanceOf(InvalidInput.class)
                .hasMessage("'' is not a report format; use html, csv or md");
    }

    @Test
    void theAcceptHeaderIsReadInItsOrderOfPreference() {
        assertThat(Format.of(null, "text/csv")).isEqualTo(Format.CSV);
        assertThat(Format.of(null, "text/markdown;q=0.5, text/csv")).isEqualTo(Format.CSV);
        assertThat(Format.of(null, "text/markdown, text/csv")).isEqualTo(Format.MD); // equal weights: the header's order
        assertThat(Format.of(null, "application/json, text/csv;q=0.1")).isEqualTo(Format.CSV);
        assertThat(Format.of(null, "text/csv;q=0, text/markdown;q=0.2")).isEqualTo(Format.MD);
        assertThat(Format.of(null, "text/csv;charset=UTF-8")).isEqualTo(Format.CSV);
    }

    @Test
    void wildcardsUnknownTypesMalformedOrNoHeaderMeanHtml() {
        assertThat(Format.of(null, null)).isEqualTo(Format.HTML);
        assertThat(Format.of(null, "*/*")).isEqualTo(Format.HTML);
        assertThat(Format.of(null, "text/*, text/csv;q=0")).isEqualTo(Format.HTML);
        assertThat(Format.of(null, "application/json")).isEqualTo(Format.HTML);
        assertThat(Format.of(null, "text/")).isEqualTo(Format.HTML);
        assertThat(Format.of(null, "text/csv;q=x")).isEqualTo(Format.HTML);
    }

    @Test
    void eachFormatHasItsUtf8MediaTypeAndFileExtension() {
        assertThat(Format.HTML.type).hasToString("text/html;charset=UTF-8");
        assertThat(Format.CSV.type).hasToString("text/csv;charset=UTF-8");
        assertThat(Format.MD.type).hasToString("text/markdown;charset=UTF-8");
        assertThat(Format.values()).extracting(f -> f.extension).containsExactly("html", "csv", "md");
    }
}
