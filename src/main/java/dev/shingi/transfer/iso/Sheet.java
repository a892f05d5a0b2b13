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

    /**
     * A row of the table, by column; {@code extra} the cells of columns Shingi has no field for (heading → cell);
     * {@code links} every address the row links to, the item's first; {@code memberBodies} when the commenter's column
     * is the ISO template's MB/NC (a national body), not a public review's commenter.
     */
    record Entry(int row, Map<Column, String> cells, Map<String, String> extra, List<String> links,
                 boolean memberBodies) {
        Entry(int row, Map<Column, String> cells) {
            this(row, cells, Map.of(), List.of(), true);
        }

        String get(Column column) {
            String v = cells.get(column);
            return v == null ? "" : v.strip();
        }

        boolean has(Column column) {
            return cells.containsKey(column);
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
                    cells.add(cell == null ? "" : text(cell, format));
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

    /** A date cell as ISO-8601 (2024-06-24, or with its time), whatever the sheet's display format; others as shown. */
    private static String text(Cell cell, DataFormatter format) {
        if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                && org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)) {
            java.time.LocalDateTime t = cell.getLocalDateTimeCellValue();
            return t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.toString();
        }
        return format.formatCellValue(cell);
    }

    /** The header row (within the first rows), every required column found in it, and the rows below it. */
    private static String cell(Line line, int i) {
        String v = i < line.cells().size() ? line.cells().get(i) : null;
        return v == null ? "" : v;
    }

    static List<Entry> entries(List<Line> lines) {
        Line header = null;
        int seen = 0;
        for (Line line : lines) {
            if (line.blank()) {
                continue;
            }
            if (line.cells().stream().anyMatch(c -> Column.MB_NC.matches(c) || Column.NC.matches(c))) {
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
            throw new BadTable("The table has no header row of a comment table.", missing);
        }
        Map<Column, Integer> index = new EnumMap<>(Column.class);
        Map<Integer, String> others = new java.util.LinkedHashMap<>();
        List<BadTable.Problem> problems = new ArrayList<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String heading = header.cells().get(i) == null ? "" : Cells.plain(header.cells().get(i));
            Column c = Column.of(heading);
            if (c == null) {
                if (!heading.isBlank()) {
                    others.put(i, heading);
                }
            } else if (index.containsKey(c)) {
                long times = header.cells().stream().filter(h -> h != null && c.matches(Cells.plain(h))).count();
                if (problems.stream().noneMatch(p -> c.title.equals(p.column()))) {
                    problems.add(new BadTable.Problem(header.number(), c.title, "the column appears " + times + " times",
                            "columnTwice", List.of(times)));
                }
            } else {
                index.put(c, i);
            }
        }
        for (Column c : Column.values()) {
            if (c.required && !index.containsKey(c) && !(c == Column.MB_NC && index.containsKey(Column.NC))) {
                problems.add(new BadTable.Problem(header.number(), c.title, "missing column", "missingColumn", List.of()));
            }
        }
        if (!problems.isEmpty()) {
            throw new BadTable("The header row lacks columns of a comment table.", problems);
        }
        String authorHeading = Column.normalise(Cells.plain(header.cells().get(index.getOrDefault(Column.MB_NC,
                index.getOrDefault(Column.NC, 0)))));
        boolean memberBodies = authorHeading.equals("mb/nc") || authorHeading.equals("mb") || authorHeading.equals("nc");
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
            index.forEach((c, i) -> cells.put(c, cell(line, i)));
            Map<String, String> extra = new java.util.LinkedHashMap<>();
            others.forEach((i, heading) -> {
                if (!cell(line, i).isBlank()) {
                    extra.put(heading, cell(line, i).strip());
                }
            });
            List<String> ordered = new ArrayList<>();
            if (index.containsKey(Column.ITEM)) {
                ordered.add(cell(line, index.get(Column.ITEM)));
            }
            if (index.containsKey(Column.LINKS)) { // an export's links, in the order the source had them
                ordered.add(cell(line, index.get(Column.LINKS)));
            }
            ordered.addAll(line.cells());
            entries.add(new Entry(line.number(), cells, extra, Cells.links(ordered), memberBodies));
        }
        if (entries.isEmpty()) {
            throw BadTable.file("noRows", "the table has a header row but no comment below it");
        }
        return entries;
    }
}
