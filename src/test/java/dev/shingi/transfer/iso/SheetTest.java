package dev.shingi.transfer.iso;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** An uploaded table read as rows: where the header is, which columns it names, and each refusal of the file. */
class SheetTest {
    private static final String HEADER = "MB/NC,Line number,Clause/Subclause,Paragraph/Figure/Table,Type of comment,"
            + "Comments,Proposed change\r\n";

    @Test
    void theHeaderMayStandBelowTitleLinesAndTheRowsKeepTheSpreadsheetsNumbers() {
        String csv = "\uFEFFISO/IEC JTC 1 N 1234,,,\r\n\r\n" + HEADER + "JP,12,4.2,p.3,ge,\"Line one\nline two\",\r\n\r\nDE,,,,te,Other,Fix\r\n";

        var entries = Sheet.entries(Sheet.csv(csv.getBytes(StandardCharsets.UTF_8), null));

        assertThat(entries).extracting(Sheet.Entry::row).containsExactly(4, 6);
        assertThat(entries.get(0).get(Column.COMMENTS)).isEqualTo("Line one\nline two");
        assertThat(entries.get(0).get(Column.OBSERVATIONS)).isEmpty();
        assertThat(entries.get(1).get(Column.PROPOSED)).isEqualTo("Fix");
    }

    @Test
    void japaneseFullWidthAndFootnotedHeadingsNameTheSameColumns() {
        String csv = "提出者,行番号,箇条,段落/図/表,種類,意見,修正案,事務局の見解\n"
                + "ＪＰ,1,,,ge,本文,,\n";
        var entries = Sheet.entries(Sheet.csv(csv.getBytes(StandardCharsets.UTF_8), null));
        assertThat(entries.get(0).get(Column.COMMENTS)).isEqualTo("本文");

        assertThat(Column.MB_NC.matches("MB/NC¹")).isTrue();
        assertThat(Column.TYPE.matches(" Type  of comment2 ")).isTrue();
        assertThat(Column.ELEMENT.matches("Paragraph / Figure / Table/3")).isTrue();
        assertThat(Column.ELEMENT.matches("ＭＢ／ＮＣ")).isFalse();
        assertThat(Column.MB_NC.matches("ＭＢ／ＮＣ")).isTrue();
    }

    @Test
    void aHeaderThatLacksOrRepeatsColumnsIsRefusedNamingEach() {
        String csv = "MB/NC,Type,Type of comment\nJP,a,b\n";
        BadTable bad = catchThrowableOfType(BadTable.class,
                () -> Sheet.entries(Sheet.csv(csv.getBytes(StandardCharsets.UTF_8), null)));

        assertThat(bad.getMessage()).isEqualTo("The header row lacks columns of a comment table.");
        assertThat(bad.problems.stream().map(p -> p.row() + "|" + p.column() + "|" + p.reason()).toList()).containsExactly(
                1 + "|" + "Type of comment" + "|" + "the column appears 2 times",
                1 + "|" + "Comments" + "|" + "missing column");
    }

    @Test
    void onlyTheCommenterAndTheCommentAreRequiredAndSeparateMbAndNcColumnsAreOneCommenter() {
        String csv = "MB,NC,Line number,Comments,Reviewer note\nDE,DKE,TBD,a,see https://example.org/x.\n,IEC-TC57,,b,\n";
        var entries = Sheet.entries(Sheet.csv(csv.getBytes(StandardCharsets.UTF_8), null));

        assertThat(entries).extracting(e -> e.get(Column.MB_NC) + "|" + e.get(Column.NC) + "|" + e.get(Column.COMMENTS))
                .containsExactly("DE|DKE|a", "|IEC-TC57|b");
        assertThat(entries.get(0).extra()).containsExactly(java.util.Map.entry("Reviewer note", "see https://example.org/x."));
        assertThat(entries.get(0).links()).containsExactly("https://example.org/x");
        assertThat(entries.get(0).memberBodies()).isTrue();
    }

    @Test
    void noHeaderInTheFirstTwentyRowsNamesEveryRequiredColumnAsMissing() {
        BadTable bad = catchThrowableOfType(BadTable.class,
                () -> Sheet.entries(Sheet.csv("\n\ntitle\nsomething,else\n".getBytes(StandardCharsets.UTF_8), null)));
        assertThat(bad.problems.stream().map(p -> p.row() + "|" + p.column() + "|" + p.reason()).toList()).hasSize(2).first()
                .isEqualTo(3 + "|" + "MB/NC" + "|" + "missing column: no header row names it in the first 20 rows");
    }

    @Test
    void shiftJisIsRefusedSayingHowToSaveItUnlessTheRequestDeclaresIt() {
        byte[] sjis = (HEADER + "JP,1,,,ge,意見です,\r\n").getBytes(Charset.forName("windows-31j"));

        BadTable bad = catchThrowableOfType(BadTable.class, () -> Sheet.csv(sjis, null));
        assertThat(bad.problems.get(0).reason()).isEqualTo("the file is not UTF-8: its bytes read as Shift_JIS (CP932), "
                + "as Excel saves \"CSV\" in Japanese; save it as \"CSV UTF-8\", or send it with Content-Type "
                + "text/csv; charset=Shift_JIS");
        assertThat(bad.problems.get(0).row()).isNull();

        var entries = Sheet.entries(Sheet.csv(sjis, Charset.forName("Shift_JIS")));
        assertThat(entries.get(0).get(Column.COMMENTS)).isEqualTo("意見です");
    }

    @Test
    void emptyFilesAndFilesThatAreNoWorkbookAreRefusedAsFiles() {
        assertThat(catchThrowableOfType(BadTable.class, () -> Sheet.csv(new byte[0], null)).getMessage())
                .isEqualTo("The file cannot be read as the ISO/IEC commenting template: the file is empty.");
        assertThat(catchThrowableOfType(BadTable.class, () -> Sheet.csv(" \n ".getBytes(StandardCharsets.UTF_8), null))
                .problems.stream().map(p -> p.row() + "|" + p.column() + "|" + p.reason()).toList()).containsExactly(null + "|" + null + "|" + "the file holds no text, only blanks");
        assertThat(catchThrowableOfType(BadTable.class, () -> Sheet.xlsx("PK\3\4 not really".getBytes(StandardCharsets.UTF_8)))
                .problems.get(0).reason()).startsWith("not an XLSX workbook (");
        assertThat(catchThrowableOfType(BadTable.class,
                () -> Sheet.entries(Sheet.csv(HEADER.getBytes(StandardCharsets.UTF_8), null))).problems.stream().map(p -> p.row() + "|" + p.column() + "|" + p.reason()).toList())
                .containsExactly(null + "|" + null + "|" + "the table has a header row but no comment below it");
    }

}
