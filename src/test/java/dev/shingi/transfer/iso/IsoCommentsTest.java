package dev.shingi.transfer.iso;

import dev.shingi.testing.TransferHttp;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The ISO/IEC commenting template over HTTP: import, export (CSV, XLSX), round trip, and every kind of bad input. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IsoCommentsTest extends TransferHttp {
    static final String A = "iso-a";
    static final String HEADER = "MB/NC,Line number,Clause/Subclause,Paragraph/Figure/Table,Type of comment,Comments,"
            + "Proposed change,Observations of the secretariat\r\n";
    static final List<String> COLUMNS = List.of("MB/NC", "Line number", "Clause/Subclause", "Paragraph/Figure/Table",
            "Type of comment", "Comments", "Proposed change", "Observations of the secretariat");
    static final String CSV_TYPE = "text/csv";
    static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The table imported into A, as it is exported again. */
    static final List<List<String>> A_ROWS = List.of(
            COLUMNS,
            List.of("JP", "120-125", "5.2", "Table 3", "te", "The totals in Table 3 do not add up, \"see\" row 4.",
                    "Correct the total to 1,250.", ""),
            List.of("DE", "", "", "pp.3–4 fn.2", "ed", "Typo: \"recieve\".\nAlso a second line.", "receive", ""),
            List.of("JP", "7", "Introduction", "", "ge", "General support.", "", ""));

    @BeforeAll
    void deliberations() {
        projectionsCaughtUp();
        openDeliberation(A, 40);
        Raw r = importCsv(A, 1, HEADER
                + "JP,120-125,5.2,Table 3,te,\"The totals in Table 3 do not add up, \"\"see\"\" row 4.\",\"Correct the total to 1,250.\",\r\n"
                + "DE,,,pp.3-4 fn.2,ED,\"Typo: \"\"recieve\"\".\nAlso a second line.\",receive,\r\n"
                + ",,,,,,,\r\n"
                + "m1,7,Introduction,,ge,General support.,,We agree.\r\n");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        JsonNode body = r.json();
        assertThat(body.get("imported").asInt()).isEqualTo(3);
        assertThat(body.get("responses").asInt()).isZero();
        assertThat(body.get("flags").get(0).get("row").asInt()).isEqualTo(5);
        assertThat(body.get("flags").get(0).get("reason").asText()).startsWith("'We agree.' is not a disposition Shingi knows");
        List<String> rows = new ArrayList<>();
        body.get("comments").forEach(c -> rows.add(c.get("row").asInt() + "→" + c.get("reference").asText()));
        assertThat(rows).containsExactly("2→#1", "3→#2", "5→#3");
    }

    @Test
    void importedRowsAreCommentsWithTheirAnchorKindTextAndProposedChange() {
        JsonNode comments = get("/api/deliberations/" + A + "/comments").body();
        assertThat(comments).hasSize(3);
        JsonNode first = comments.get(0);
        assertThat(first.get("author").get("id").asText()).isEqualTo("m1");
        assertThat(first.get("kind").asText()).isEqualTo("CHANGE_REQUEST");
        assertThat(first.get("anchorText").asText()).isEqualTo("§5.2 Table 3 ll.120–125");
        assertThat(first.get("anchor").get("lineFrom").asInt()).isEqualTo(120);
        assertThat(first.get("anchor").get("lineTo").asInt()).isEqualTo(125);
        assertThat(first.get("anchor").get("element").asText()).isEqualTo("Table 3");
        assertThat(first.get("proposedChange").asText()).isEqualTo("Correct the total to 1,250.");
        assertThat(first.get("meetingId").isNull()).isTrue();
        JsonNode second = comments.get(1);
        assertThat(second.get("author").get("id").asText()).isEqualTo("m2");
        assertThat(second.get("kind").asText()).isEqualTo("EDITORIAL");
        assertThat(second.get("anchorText").asText()).isEqualTo("pp.3–4 fn.2");
        assertThat(second.get("text").asText()).isEqualTo("Typo: \"recieve\".\nAlso a second line.");
        JsonNode third = comments.get(2);
        assertThat(third.get("kind").asText()).isEqualTo("QUESTION");
        assertThat(third.get("needsResponse").asBoolean()).isTrue();
        assertThat(third.get("anchorText").asText()).isEqualTo("§Introduction l.7");
        assertThat(third.get("proposedChange").isNull()).isTrue();
        // and the disposition report shows the proposed change under the comment
        List<List<String>> report = csv(raw("sato",
                "/api/deliberations/" + A + "/disposition?version=1&format=csv&lang=en").text());
        assertThat(report.get(1).get(4)).isEqualTo("The totals in Table 3 do not add up, \"see\" row 4.\n"
                + "Proposed change: Correct the total to 1,250.");
    }

    @Test
    void exportAsCsvAndAsXlsxGivesTheSameRows() {
        Raw csv = raw("sato", "/api/deliberations/" + A + "/iso-comments?version=1&format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"iso-a-iso-comments-v1.csv\"");
        assertThat(csv(csv.text())).isEqualTo(A_ROWS);
        Raw xlsx = raw("sato", "/api/deliberations/" + A + "/iso-comments?version=1", "Accept", XLSX_TYPE);
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).isEqualTo(XLSX_TYPE);
        assertThat(rowsOf(xlsx.bytes())).isEqualTo(A_ROWS);
    }

    @Test
    void roundTripThroughAnotherDeliberationGivesTheSameRows() {
        byte[] csv = raw("sato", "/api/deliberations/" + A + "/iso-comments?version=1&format=csv").bytes();
        openDeliberation("iso-b", 40);
        assertThat(rawPost("sato", "/api/deliberations/iso-b/iso-comments?version=1", csv, "Content-Type", CSV_TYPE).status())
                .isEqualTo(201);
        assertThat(csv(raw("sato", "/api/deliberations/iso-b/iso-comments?version=1&format=csv").text()))
                .isEqualTo(A_ROWS);

        byte[] xlsx = raw("sato", "/api/deliberations/" + A + "/iso-comments?version=1&format=xlsx").bytes();
        openDeliberation("iso-c", 40);
        Raw viaForm = rawPost("sato", "/api/deliberations/iso-c/iso-comments?version=1",
                multipart("comments.xlsx", XLSX_TYPE, xlsx), "Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
        assertThat(viaForm.status()).as(viaForm.text()).isEqualTo(201);
        assertThat(rowsOf(raw("sato", "/api/deliberations/iso-c/iso-comments?version=1&format=xlsx").bytes())).isEqualTo(A_ROWS);
    }

    @Test
    void theDemoExportsItsResponsesAsObservations() {
        List<List<String>> rows = csv(raw(null, "/api/deliberations/ict-cyber-2024/iso-comments?version=1").text());
        assertThat(rows).hasSize(19);
        assertThat(rows.get(1)).containsExactly("蔦", "", "", "p.15", "te",
                "本年、経済安全保障推進法が改正され、基幹インフラの対象に港湾運送が追加された。脚注等で言及してはどうか。", "",
                "ACCEPTED: 法改正について脚注で追記する。");
        assertThat(rows.get(3).subList(0, 5)).containsExactly("蔦", "", "", "p.44 fn.40", "te");
        assertThat(rows.get(9).subList(0, 5)).containsExactly("小山", "", "", "p.52", "ge");
        assertThat(rows.get(16).subList(0, 5)).containsExactly("後藤", "", "おわりに", "", "te");
        assertThat(rows.get(18)).containsExactly("篠田", "", "", "", "ge", "国際連携に関する記載はちょうどよい。", "", "");
    }

    @Test
    void everyBadRowIsReportedAtOnceAndNothingIsRecorded() {
        openDeliberation("iso-bad", 40);
        ok(admin("/api/deliberations/iso-bad/participants", """
                {"participantId":"fr1","name":"Dupont","role":"MEMBER","affiliation":"FR"}"""));
        ok(admin("/api/deliberations/iso-bad/participants", """
                {"participantId":"fr2","name":"Martin","role":"MEMBER","affiliation":"FR"}"""));
        long before = storedEvents();
        Raw r = importCsv("iso-bad", 1, HEADER
                + "JP,1,,,te,Fine row.,,\r\n"
                + "XX,abc,,,xx,,,\r\n"
                + "FR,10-5,,p.41,ed,Ambiguous author.,,\r\n"
                + "DE,3,,pp.9-8,,Bad pages and no type.,,\r\n"
                + "fr2,0,,p.40 Figure 1,ge,The id picks one of two FR members; line 0 does not exist.,,\r\n");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("type").asText()).isEqualTo("https://shingi.dev/problems/invalid-table");
        List<String> errors = errors(r.json());
        assertThat(errors).containsExactly(
                "3|Line number|'abc' is not a line number or a range such as 120-125",
                "3|Type of comment|'xx' is not ge (general), te (technical) or ed (editorial)",
                "3|Comments|must not be empty",
                "4|MB/NC|'FR' names 2 participants (fr1, fr2); use a participant id",
                "4|Line number|the range ends before it starts (10-5)",
                "4|Paragraph/Figure/Table|page 41 is past the draft's 40 pages (rule anchor.page-within-draft)",
                "5|Paragraph/Figure/Table|the page range ends before it starts (rule anchor.page-range-ordered)",
                "6|Line number|lines are numbered from 1");
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(get("/api/deliberations/iso-bad/comments").body()).isEmpty();
    }

    @Test
    void aMissingColumnIsNamed() {
        long before = storedEvents();
        Raw r = importCsv(A, 1, "MB/NC,Line number,Clause/Subclause,Paragraph/Figure/Table,Type of comment,Proposed change\r\n"
                + "JP,1,,,te,Fine.\r\n");
        assertThat(r.status()).isEqualTo(400);
        assertThat(errors(r.json())).containsExactly("1|Comments|missing column");
        Raw none = importCsv(A, 1, "Just,some,csv\r\n1,2,3\r\n");
        assertThat(none.status()).isEqualTo(400);
        assertThat(errors(none.json())).hasSize(2).first().asString()
                .isEqualTo("1|MB/NC|missing column: no header row names it in the first 20 rows");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void emptyFilesAndHeaderOnlyFilesAreRefused() {
        assertThat(errors(importCsv(A, 1, "").json())).containsExactly("null|null|the file is empty");
        assertThat(errors(importCsv(A, 1, "\uFEFF \r\n").json())).containsExactly("null|null|the file holds no text, only blanks");
        assertThat(errors(importCsv(A, 1, HEADER).json()))
                .containsExactly("null|null|the table has a header row but no comment below it");
        Raw emptyXlsx = rawPost("sato", "/api/deliberations/" + A + "/iso-comments?version=1", new byte[0],
                "Content-Type", XLSX_TYPE);
        assertThat(emptyXlsx.status()).isEqualTo(400);
        assertThat(errors(emptyXlsx.json())).containsExactly("null|null|the file is empty");
    }

    @Test
    void anXlsxThatIsNotOneIsA400() {
        long before = storedEvents();
        Raw text = rawPost("sato", "/api/deliberations/" + A + "/iso-comments?version=1",
                "MB/NC,Comments\r\nJP,hello\r\n".getBytes(StandardCharsets.UTF_8), "Content-Type", XLSX_TYPE);
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.json().get("errors").get(0).get("reason").asText()).startsWith("not an XLSX workbook (");
        byte[] ole2 = new byte[512];
        System.arraycopy(new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1},
                0, ole2, 0, 8);
        Raw xls = rawPost("sato", "/api/deliberations/" + A + "/iso-comments?version=1", ole2, "Content-Type", XLSX_TYPE);
        assertThat(xls.status()).isEqualTo(400);
        assertThat(xls.json().get("errors").get(0).get("reason").asText())
                .isEqualTo("not an XLSX workbook: it is an old binary Excel (.xls) file; save it as .xlsx");
        byte[] truncated = java.util.Arrays.copyOf(raw("sato", "/api/deliberations/" + A + "/iso-comments?version=1&format=xlsx")
                .bytes(), 300);
        assertThat(rawPost("sato", "/api/deliberations/" + A + "/iso-comments?version=1", truncated,
                "Content-Type", XLSX_TYPE).status()).isEqualTo(400);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void shiftJisBytesSentAsUtf8AreNamedAndAcceptedWhenDeclared() {
        openDeliberation("iso-sjis", null);
        String table = "提出者,行番号,箇条,段落/図/表,コメントの種類,コメント,修正案\r\n新井,12,3.1,表 2,te,表の数値が誤っている。,正しい数値に直す。\r\n";
        byte[] sjis = table.getBytes(Charset.forName("Shift_JIS"));
        long before = storedEvents();
        Raw r = rawPost("sato", "/api/deliberations/iso-sjis/iso-comments?version=1", sjis, "Content-Type", CSV_TYPE);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("reason").asText()).startsWith("the file is not UTF-8: its bytes read "
                + "as Shift_JIS (CP932)");
        assertThat(storedEvents()).isEqualTo(before);
        Raw declared = rawPost("sato", "/api/deliberations/iso-sjis/iso-comments?version=1", sjis,
                "Content-Type", "text/csv; charset=Shift_JIS");
        assertThat(declared.status()).as(declared.text()).isEqualTo(201);
        JsonNode c = get("/api/deliberations/iso-sjis/comments").body().get(0);
        assertThat(c.get("text").asText()).isEqualTo("表の数値が誤っている。");
        assertThat(c.get("author").get("id").asText()).isEqualTo("m1");
        assertThat(c.get("anchorText").asText()).isEqualTo("§3.1 表 2 l.12");
        assertThat(c.get("proposedChange").asText()).isEqualTo("正しい数値に直す。");
    }

    @Test
    void importIsTheSecretariatsAndNeedsAKnownVersion() {
        assertThat(rawPost(null, "/api/deliberations/" + A + "/iso-comments?version=1",
                HEADER.getBytes(StandardCharsets.UTF_8), "Content-Type", CSV_TYPE).status()).isEqualTo(401);
        assertThat(rawPost("tsuta", "/api/deliberations/" + A + "/iso-comments?version=1",
                HEADER.getBytes(StandardCharsets.UTF_8), "Content-Type", CSV_TYPE).status()).isEqualTo(403);
        Raw unknown = importCsv(A, 7, HEADER + "JP,1,,,te,x,,\r\n");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("field").asText()).isEqualTo("version");
        Raw missing = rawPost("sato", "/api/deliberations/" + A + "/iso-comments", HEADER.getBytes(StandardCharsets.UTF_8),
                "Content-Type", CSV_TYPE);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").get(0).get("field").asText()).isEqualTo("version");
        assertThat(raw("sato", "/api/deliberations/" + A + "/iso-comments?version=1&format=pdf").status()).isEqualTo(400);
        assertThat(raw("sato", "/api/deliberations/" + A + "/iso-comments?version=3").status()).isEqualTo(404);
    }

    @Test
    void aTableOverTheApisOneMebibyteIsReadWholeAndOneOverTheTablesLimitIsA413() {
        StringBuilder csv = new StringBuilder(HEADER);
        int rows = 7_000;
        for (int i = 1; i <= rows; i++) {
            csv.append("JP,").append(i).append(",,,te,Row ").append(i).append(' ').append("x".repeat(130)).append(",,\r\n");
        }
        csv.append("JP,abc,,,te,The last row's line is no number.,,\r\n");
        assertThat(csv.length()).isGreaterThan(1_048_576);
        long before = storedEvents();
        Raw r = importCsv(A, 1, csv.toString());
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.json().get("type").asText()).isEqualTo("https://shingi.dev/problems/invalid-table");
        assertThat(errors(r.json())).containsExactly(
                (rows + 2) + "|Line number|'abc' is not a line number or a range such as 120-125");
        assertThat(storedEvents()).isEqualTo(before);

        Raw tooLarge = importCsv(A, 1, HEADER + "JP,1,,,te," + "x".repeat(8_400_000) + ",,\r\n");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(storedEvents()).isEqualTo(before);
    }

    private Raw importCsv(String deliberation, int version, String csv) {
        return rawPost("sato", "/api/deliberations/" + deliberation + "/iso-comments?version=" + version,
                csv.getBytes(StandardCharsets.UTF_8), "Content-Type", CSV_TYPE);
    }

    private static List<String> errors(JsonNode problem) {
        List<String> out = new ArrayList<>();
        problem.get("errors").forEach(e -> out.add(e.get("row").asText() + "|" + e.get("column").asText() + "|"
                + e.get("reason").asText()));
        return out;
    }

    static final String BOUNDARY = "----shingi-test-boundary";

    private static byte[] multipart(String filename, String type, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static List<List<String>> rowsOf(byte[] xlsx) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            DataFormatter format = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    cells.add(row.getCell(i) == null ? "" : format.formatCellValue(row.getCell(i)));
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
