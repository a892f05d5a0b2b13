package dev.shingi.transfer.iso;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The files an export writes, read back as a spreadsheet program and the import read them. */
class TemplateWriterTest {
    private static final Map<Column, String> ROW = row("JP", "120-125", "4.2", "p.3", "te",
            "Say \"which\", please\nand why", "", "ACCEPTED: done");

    @Test
    void csvIsRfc4180WithABomAndTheTemplatesHeadings() {
        assertThat(TemplateWriter.csv(List.of(ROW))).isEqualTo("\uFEFF"
                + "MB/NC,Line number,Clause/Subclause,Paragraph/Figure/Table,Type of comment,Comments,Proposed change,"
                + "Observations of the secretariat\r\n"
                + "JP,120-125,4.2,p.3,te,\"Say \"\"which\"\", please\nand why\",,ACCEPTED: done\r\n");
    }

    @Test
    void aCommentASpreadsheetWouldRunIsWrittenAsTextInBothFilesAndReadBackAsWritten() throws IOException {
        Map<Column, String> attack = row("JP", "", "", "", "ge", "=HYPERLINK(\"http://evil\",\"x\")", "-1+1", "");
        assertThat(TemplateWriter.csv(List.of(attack))).endsWith(
                "JP,,,,ge,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",'-1+1,\r\n");
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(TemplateWriter.xlsx(List.of(attack))))) {
            var cell = workbook.getSheet("Comments").getRow(1).getCell(5);
            assertThat(cell.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
            assertThat(cell.getStringCellValue()).isEqualTo("=HYPERLINK(\"http://evil\",\"x\")");
        }
        var back = dev.shingi.transfer.iso.Sheet.entries(dev.shingi.transfer.iso.Sheet.csv(
                TemplateWriter.csv(List.of(attack)).getBytes(java.nio.charset.StandardCharsets.UTF_8), null));
        assertThat(back.get(0).cells().get(Column.COMMENTS)).isEqualTo("=HYPERLINK(\"http://evil\",\"x\")");
        assertThat(back.get(0).cells().get(Column.PROPOSED)).isEqualTo("-1+1");
    }

    @Test
    void xlsxHasOneSheetWithABoldFrozenHeaderAndWideWrappedTextColumns() throws IOException {
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(TemplateWriter.xlsx(List.of(ROW, ROW))))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
            Sheet sheet = workbook.getSheet("Comments");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(sheet.getRow(0).getCell(7).getStringCellValue()).isEqualTo("Observations of the secretariat");
            assertThat(workbook.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getColumnWidth(4)).isEqualTo(16 * 256);
            assertThat(sheet.getColumnWidth(5)).isEqualTo(50 * 256);
            assertThat(sheet.getRow(2).getCell(5).getStringCellValue()).isEqualTo("Say \"which\", please\nand why");
            assertThat(sheet.getRow(2).getCell(5).getCellStyle().getWrapText()).isTrue();
        }
    }

    @Test
    void whatEitherFileSaysTheImportReadsBackCellForCell() {
        var fromCsv = dev.shingi.transfer.iso.Sheet.entries(dev.shingi.transfer.iso.Sheet.csv(
                TemplateWriter.csv(List.of(ROW)).getBytes(java.nio.charset.StandardCharsets.UTF_8), null));
        var fromXlsx = dev.shingi.transfer.iso.Sheet.entries(
                dev.shingi.transfer.iso.Sheet.xlsx(TemplateWriter.xlsx(List.of(ROW))));

        assertThat(fromCsv).extracting(dev.shingi.transfer.iso.Sheet.Entry::cells).containsExactly(ROW);
        assertThat(fromXlsx).extracting(dev.shingi.transfer.iso.Sheet.Entry::cells).containsExactly(ROW);
    }

    private static Map<Column, String> row(String... cells) {
        Map<Column, String> m = new EnumMap<>(Column.class);
        for (int i = 0; i < cells.length; i++) {
            m.put(Column.TEMPLATE.get(i), cells[i]);
        }
        return m;
    }
}
