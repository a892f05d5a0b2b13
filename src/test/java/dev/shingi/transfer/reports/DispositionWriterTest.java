package dev.shingi.transfer.reports;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the disposition table prints as, in each format, byte for byte, from a hand-made table. */
class DispositionWriterTest {
    static final DispositionTable TABLE = new DispositionTable("Title <v1>", "Panel — a & b",
            List.of("As of now", "line\nbreak"), List.of("No.", "Comment", "Response"),
            List.of(List.of("1", "Plain", ""),
                    List.of("2", "a, b; \"c\"", "x|y\nz"),
                    List.of("3", " lead", "back\\slash <b>"),
                    List.of("4", "日本語", "r\r\nn"),
                    List.of("", "-", "end")),
            Lang.EN);

    @Test
    void csvIsRfc4180WithCrlfLineEndsQuotingOnlyWhereNeededAndAByteOrderMarkForExcel() {
        String csv = DispositionWriter.csv(TABLE);

        assertThat(csv).isEqualTo("\uFEFF"
                + "No.,Comment,Response\r\n"
                + "1,Plain,\r\n"
                + "2,\"a, b; \"\"c\"\"\",\"x|y\nz\"\r\n"
                + "3,\" lead\",back\\slash <b>\r\n"
                + "4,日本語,\"r\r\nn\"\r\n"
                + "\"\",'-,end\r\n"); // a spreadsheet would read "-…" as a formula: written as text
        assertThat(Arrays.copyOf(csv.getBytes(StandardCharsets.UTF_8), 3))
                .containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(DispositionWriter.write(TABLE, Format.CSV)).isEqualTo(csv);
    }

    @Test
    void markdownKeepsEachCommentOnOneRowAndShowsTheTextAsWritten() {
        String md = DispositionWriter.markdown(TABLE);

        assertThat(md).isEqualTo("""
                # Title &lt;v1&gt;

                Panel — a &amp; b

                - As of now
                - line break

                | No. | Comment | Response |
                |---|---|---|
                | 1 | Plain |  |
                | 2 | a, b; "c" | x\\|y<br>z |
                | 3 |  lead | back\\\\slash &lt;b&gt; |
                | 4 | 日本語 | r<br>n |
                |  | - | end |
                """);
        assertThat(DispositionWriter.write(TABLE, Format.MD)).isEqualTo(md);
    }

    @Test
    void aMarkdownCellEscapesBackslashesBeforePipesSoThatAnEscapedPipeStaysText() {
        assertThat(DispositionWriter.mdCell("a\\|b")).isEqualTo("a\\\\\\|b");
        assertThat(DispositionWriter.mdCell("1\r2\n3\r\n4")).isEqualTo("1<br>2<br>3<br>4");
        assertThat(DispositionWriter.mdCell("&amp; <br>")).isEqualTo("&amp;amp; &lt;br&gt;");
    }

    @Test
    void htmlIsAStandalonePageInTheTablesLanguageWithEveryTextEscaped() {
        String html = DispositionWriter.html(TABLE);

        assertThat(html).startsWith("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>Title &lt;v1&gt;</title>
                <style>
                """);
        assertThat(html).contains("@page { size: A4 landscape; margin: 12mm; }\n",
                "thead { display: table-header-group; }\n", "</style>\n</head>\n");
        assertThat(html).doesNotContain("<link", "<script");
        assertThat(html.substring(html.indexOf("<body>"))).isEqualTo("""
                <body>
                <h1>Title &lt;v1&gt;</h1>
                <p class="sub">Panel — a &amp; b</p>
                <p class="note">As of now</p>
                <p class="note">line<br>break</p>
                <table>
                <thead><tr><th scope="col">No.</th><th scope="col">Comment</th><th scope="col">Response</th></tr></thead>
                <tbody>
                <tr><th scope="row">1</th><td>Plain</td><td></td></tr>
                <tr><th scope="row">2</th><td>a, b; &quot;c&quot;</td><td>x|y<br>z</td></tr>
                <tr><th scope="row">3</th><td> lead</td><td>back\\slash &lt;b&gt;</td></tr>
                <tr><th scope="row">4</th><td>日本語</td><td>r<br>n</td></tr>
                <tr><th scope="row"></th><td>-</td><td>end</td></tr>
                </tbody>
                </table>
                </body>
                </html>
                """);
        assertThat(DispositionWriter.write(TABLE, Format.HTML)).isEqualTo(html);
    }

    @Test
    void aJapaneseTableIsAJapanesePage() {
        DispositionTable ja = new DispositionTable("第1版に対する意見と考え方", "検討会", List.of(), List.of("番号"),
                List.of(List.of("1-1")), Lang.JA);

        assertThat(DispositionWriter.html(ja)).startsWith("<!DOCTYPE html>\n<html lang=\"ja\">\n")
                .contains("<title>第1版に対する意見と考え方</title>", "<tr><th scope=\"row\">1-1</th></tr>");
        assertThat(DispositionWriter.markdown(ja)).isEqualTo("# 第1版に対する意見と考え方\n\n検討会\n\n\n| 番号 |\n|---|\n| 1-1 |\n");
    }
}
