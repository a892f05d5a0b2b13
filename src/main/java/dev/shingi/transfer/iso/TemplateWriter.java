package dev.shingi.transfer.iso;

import dev.shingi.transfer.SpreadsheetCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** The template's rows written as a file: CSV as Excel opens it, or an XLSX workbook of one sheet. */
final class TemplateWriter {
    /** Rows an XLSX export keeps in memory; the rest wait on disk until written, however long the table. */
    static final int ROWS_IN_MEMORY = 100;
    private static final int NARROW = 16;
    private static final int WIDE = 50;
    private static final int FIRST_WIDE_COLUMN = Column.TEMPLATE.indexOf(Column.COMMENTS);

    private TemplateWriter() {
    }

    /**
     * RFC 4180, UTF-8 with a BOM (so Excel reads it as UTF-8), the template's columns in its order; a cell a
     * spreadsheet would run as a formula is written as text ({@link SpreadsheetCells}). XLSX cells are string cells.
     */
    static String csv(List<Map<Column, String>> rows) {
        List<Column> columns = columns(rows);
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord(columns.stream().map(c -> c.title).toList());
            for (Map<Column, String> row : rows) {
                csv.printRecord(columns.stream().map(c -> row.getOrDefault(c, "")).map(SpreadsheetCells::neutral).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * The template's columns, then {@link Column#PROVENANCE} when any row has one (a comment that came from a table):
     * a deliberation that never imported a table exports the template exactly.
     */
    static List<Column> columns(List<Map<Column, String>> rows) {
        boolean provenance = rows.stream().anyMatch(r -> Column.PROVENANCE.stream()
                .anyMatch(c -> r.get(c) != null && !r.get(c).isEmpty()));
        return provenance ? java.util.stream.Stream.concat(Template.COLUMNS.stream(), Column.PROVENANCE.stream()).toList()
                : Template.COLUMNS;
    }

    /** Sheet "Comments": a bold header row frozen above the comments, the text columns wide and wrapped. */
    static byte[] xlsx(List<Map<Column, String>> rows) {
        List<Column> columns = columns(rows);
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
        try {
            SXSSFSheet sheet = workbook.createSheet("Comments");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            Row header = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                header.createCell(i).setCellValue(columns.get(i).title);
                header.getCell(i).setCellStyle(bold);
                sheet.setColumnWidth(i, 256 * (i >= FIRST_WIDE_COLUMN && i < Template.COLUMNS.size()
                        || columns.get(i) == Column.LINKS ? WIDE : NARROW));
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (Map<Column, String> row : rows) {
                Row x = sheet.createRow(r++);
                for (int i = 0; i < columns.size(); i++) {
                    x.createCell(i).setCellValue(row.getOrDefault(columns.get(i), ""));
                    x.getCell(i).setCellStyle(wrap);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
        }
    }
}
