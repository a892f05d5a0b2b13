package dev.shingi.transfer.iso;

import dev.shingi.transfer.SpreadsheetCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** An uploaded table as rows of text cells, with the spreadsheet's own 1-based row numbers; or the reasons it is not one. */
final class Sheet {
    /** How far down the header row may be: the ISO template has a few lines of title and document number above it. */
    static final int HEADER_SEARCH_ROWS = 20;

    record Line(int number, List<String> cells) {
        boolean blank() {
            return cells.stream().allMatch(c -> c == null || c.isBlank());
        }
    }

    /** A row of the template, by column. */
    record Entry(int row, Map<Column, String> cells) {
        String get(Column column) {
            String v = cells.get(column);
            return v == null ? "" : v.strip();
        }
    }

    private Sheet() {
    }

    static List<Line> csv(byte[] bytes, Charset declared) {
        if (bytes.length == 0) {
            throw BadTable.file("empty", "the file is empty");
        }
        String text = decode(bytes, declared);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw BadTable.file("blank", "the file holds no text, only blanks");
        }
        List<Line> lines = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
            for (CSVRecord r : parser) {
                // the apostrophe our own export put before a formula character is no part of the text
                lines.add(new Line((int) r.getRecordNumber(), r.toList().stream().map(SpreadsheetCells::restored).toList()));
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw BadTable.file("notCsv", "not CSV (RFC 4180): " + e.getMessage());
        }
        return lines;
    }

    /**
     * Strict decoding: a byte sequence that is not the declared charset (UTF-8 unless the Content-Type names another)
     * is refused rather than read as replacement characters. Shift_JIS is what Japanese Excel saves "CSV" as, so when
     * the bytes read as Shift_JIS (CP932) the answer says so.
     */
    static String decode(byte[] bytes, Charset declared) {
        Charset charset = declared == null ? StandardCharsets.UTF_8 : declared;
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            if (charset.equals(StandardCharsets.UTF_8) && decodes(bytes, Charset.forName("windows-31j"))) {
                throw BadTable.file("shiftJis", "the file is not UTF-8: its bytes read as Shift_JIS (CP932), as Excel saves "
                        + "\"CSV\" in Japanese; save it as \"CSV UTF-8\", or send it with Content-Type "
                        + "text/csv; charset=Shift_JIS");
            }
            throw BadTable.file("notCharset", "the file is not " + charset.name() + " text", charset.name());
        }
    }

    private static boolean decodes(byte[] bytes, Charset charset) {
        try {
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The first sheet of an Office Open XML workbook; anything POI cannot open is the client's file, not our failure. */
    static List<Line> xlsx(byte[] bytes) {
        if (bytes.length == 0) {
            throw BadTable.file("empty", "the file is empty");
        }
        List<Line> lines = new ArrayList<>();
        DataFormatter format = new DataFormatter();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw BadTable.file("noSheet", "the workbook has no sheet");
            }
            for (Row row : workbook.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < Math.max(0, row.getLastCellNum()); i++) {
                    Cell cell = row.getCell(i);
                    cells.add(cell == null ? "" : format.formatCellValue(cell));
                }
                lines.add(new Line(row.getRowNum() + 1, cells));
            }
        } catch (BadTable e) {
            throw e;
        } catch (org.apache.poi.poifs.filesystem.OfficeXmlFileException
                 | org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException e) {
            throw BadTable.file("oldXls", "not an XLSX workbook: it is an old binary Excel (.xls) file; save it as .xlsx");
        } catch (Exception | LinkageError e) {
            throw BadTable.file("notXlsx", "not an XLSX workbook (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        return lines;
    }

    /** The header row (within the first rows), every required column found in it, and the rows below it. */
    static List<Entry> entries(List<Line> lines) {
        Line header = null;
        int seen = 0;
        for (Line line : lines) {
            if (line.blank()) {
                continue;
            }
            if (line.cells().stream().anyMatch(Column.MB_NC::matches)) {
                header = line;
                break;
            }
            if (++seen >= HEADER_SEARCH_ROWS) {
                break;
            }
        }
        if (header == null) {
            List<BadTable.Problem> missing = new ArrayList<>();
            int row = lines.stream().filter(l -> !l.blank()).findFirst().map(Line::number).orElse(1);
            for (Column c : Column.values()) {
                if (c.required) {
                    missing.add(new BadTable.Problem(row, c.title, "missing column: no header row names it "
                            + "in the first " + HEADER_SEARCH_ROWS + " rows", "noHeader", List.of(HEADER_SEARCH_ROWS)));
                }
            }
            throw new BadTable("The table has no header row of the ISO/IEC commenting template.", missing);
        }
        Map<Column, Integer> index = new EnumMap<>(Column.class);
        List<BadTable.Problem> problems = new ArrayList<>();
        for (Column c : Column.values()) {
            List<Integer> at = new ArrayList<>();
            for (int i = 0; i < header.cells().size(); i++) {
                if (c.matches(header.cells().get(i))) {
                    at.add(i);
                }
            }
            if (at.size() > 1) {
                problems.add(new BadTable.Problem(header.number(), c.title, "the column appears " + at.size() + " times",
                        "columnTwice", List.of(at.size())));
            } else if (at.size() == 1) {
                index.put(c, at.get(0));
            } else if (c.required) {
                problems.add(new BadTable.Problem(header.number(), c.title, "missing column", "missingColumn", List.of()));
            }
        }
        if (!problems.isEmpty()) {
            throw new BadTable("The header row lacks columns of the ISO/IEC commenting template.", problems);
        }
        List<Entry> entries = new ArrayList<>();
        boolean below = false;
        for (Line line : lines) {
            if (line == header) {
                below = true;
                continue;
            }
            if (!below || line.blank()) {
                continue;
            }
            Map<Column, String> cells = new EnumMap<>(Column.class);
            index.forEach((c, i) -> cells.put(c, i < line.cells().size() ? line.cells().get(i) : ""));
            entries.add(new Entry(line.number(), cells));
        }
        if (entries.isEmpty()) {
            throw BadTable.file("noRows", "the table has a header row but no comment below it");
        }
        return entries;
    }
}
