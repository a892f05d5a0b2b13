package dev.shingi.transfer.ledger;

import dev.shingi.testing.Http;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shingi.ShingiApplication;
import dev.shingi.integrity.Checkpoints;
import dev.shingi.integrity.Verifier;
import dev.shingi.platform.Ledger;
import dev.shingi.deliberation.api.CommitRevision;
import dev.shingi.deliberation.api.DraftDocument;
import dev.shingi.deliberation.api.OpenDeliberation;
import dev.shingi.deliberation.api.PublishDraft;
import dev.shingi.deliberation.api.RegisterParticipant;
import dev.shingi.deliberation.api.Role;
import dev.shingi.drafttext.api.DocumentLibrary;
import dev.shingi.drafttext.api.DocumentReader;
import dev.shingi.drafttext.api.ReadDocument;
import dev.shingi.testing.TwoVersions;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restore refuses any alteration of an export: the file ends in a trailer signed with the installation's key over
 * every line before it, so each of the alterations below is a 400 naming the line at fault, and stores nothing; the
 * untouched file still imports, and verifies clean. The source is an H2 file ledger with the demo and its checkpoint
 * (exported in process) and a deliberation of two versions published with their PDFs (written by PDFBox); the target
 * an empty one answering over HTTP. docs/security.md counts them ("alterations refused N/N"). After the untouched
 * import, the versions' texts read as in the source.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExportAlterationTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String D = "ict-cyber-2024";
    static final String PDFS = "docs-2024";
    static String textOfV2;

    static ConfigurableApplicationContext target;
    static List<String> good;
    static List<String> oneDeliberation;
    static int port;

    @BeforeAll
    static void exportTheDemoAndStartAnEmptyLedger() throws Exception {
        ConfigurableApplicationContext source = new SpringApplicationBuilder(ShingiApplication.class)
                .web(WebApplicationType.NONE)
                .run("--spring.profiles.active=test", "--shingi.data-dir=" + Files.createTempDirectory("shingi-alter-src-"),
                        "--spring.datasource.url=jdbc:h2:file:${shingi.data-dir}/shingi", "--shingi.integrity.settle=0s");
        try {
            source.getBean(Ledger.class).awaitProjections();
            textOfV2 = publishTwoPdfs(source);
            source.getBean(Ledger.class).awaitProjections();
            source.getBean(Checkpoints.class).checkpointIfDue();
            source.getBean(Checkpoints.class).checkpoint();
            good = export(source.getBean(LedgerExport.class), null);
            oneDeliberation = export(source.getBean(LedgerExport.class), D);
        } finally {
            source.close();
        }
        target = new SpringApplicationBuilder(ShingiApplication.class)
                .run("--spring.profiles.active=test", "--server.port=0", "--shingi.demo.enabled=false",
                        "--shingi.data-dir=" + Files.createTempDirectory("shingi-alter-target-"),
                        "--spring.datasource.url=jdbc:h2:file:${shingi.data-dir}/shingi");
        port = Integer.parseInt(target.getEnvironment().getProperty("local.server.port"));
    }

    /** Versions 1 and 2 of {@link #PDFS} with TwoVersions' PDFs, through the commands as the edge sends them. */
    static String publishTwoPdfs(ConfigurableApplicationContext source) throws Exception {
        Ledger ledger = source.getBean(Ledger.class);
        DocumentReader reader = source.getBean(DocumentReader.class);
        DocumentLibrary library = source.getBean(DocumentLibrary.class);
        MetaData by = MetaData.with("recordedBy", "admin");
        Instant at = Instant.parse("2024-06-24T05:00:00Z");
        ledger.record(new OpenDeliberation(PDFS, "Direction (draft)", "Subcommittee", at), by);
        ledger.record(new RegisterParticipant(PDFS, "sato", "Sato", Role.SECRETARIAT, null, null, false, at), by);
        ReadDocument v1 = reader.read(TwoVersions.pdf(TwoVersions.PDF_V1), "draft-v1.pdf", "application/pdf");
        ReadDocument v2 = reader.read(TwoVersions.pdf(TwoVersions.PDF_V2), "draft-v2.pdf", "application/pdf");
        try (DocumentLibrary.Staged staged = library.stage(v1)) {
            ledger.record(new PublishDraft(PDFS, 1, "Direction (draft)", null, null, at, draft(v1)), by);
        }
        try (DocumentLibrary.Staged staged = library.stage(v2)) {
            ledger.record(new CommitRevision(PDFS, 2, "Direction (revised)", null, null, null, List.of(), List.of(),
                    "sato", false, at.plusSeconds(86400), draft(v2)), by);
        }
        return JSON.writeValueAsString(library.text(v2.sha256()).orElseThrow());
    }

    static DraftDocument draft(ReadDocument d) {
        return new DraftDocument(d.sha256(), d.fileName(), d.mediaType(), d.size(), d.pageCount());
    }

    static List<String> export(LedgerExport export, String deliberation) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.export(out, deliberation);
        return new ArrayList<>(Arrays.asList(out.toString(StandardCharsets.UTF_8).split("\n")));
    }

    @AfterAll
    static void close() {
        if (target != null) {
            target.close();
        }
    }

    // ---- the file cut short -------------------------------------------------------------------------------------------

    @Test
    void aFileCutShortWithoutItsEndLineIsRefusedWhereItEnds() throws Exception {
        List<String> cut = new ArrayList<>(good.subList(0, good.size() - 4));
        refused(cut, good.size() - 3, "is missing: the file is incomplete");
    }

    @Test
    void aFileWhoseLastEventsWereCutBeforeItsTrailerIsRefusedAtTheTrailer() throws Exception {
        List<String> cut = lastEventsCut(3, last());
        refused(cut, good.size() - 3 - documentLines().size(), "the lines between were left out");
    }

    @Test
    void aFileCutShortWithAnUnsignedEndLineCountingWhatIsLeftIsRefusedAtThatLine() throws Exception {
        List<String> cut = lastEventsCut(3, "{\"end\":\"shingi-ledger\",\"events\":" + (events() - 3) + "}");
        refused(cut, good.size() - 3, "the end line carries no signed trailer");
    }

    // ---- lines moved --------------------------------------------------------------------------------------------------

    @Test
    void twoLinesOfDifferentStreamsSwappedAreRefusedAtTheFirst() throws Exception {
        int a = indexOf("\"aggregateIdentifier\":\"" + D + "-c2\",\"sequenceNumber\":0,");
        int b = indexOf("\"aggregateIdentifier\":\"" + D + "-c9\",\"sequenceNumber\":0,");
        refused(swap(good, a, b), a + 1, "this line is the export's line " + (b + 1) + ", not its line " + (a + 1)
                + ": the lines between were left out, or moved");
    }

    @Test
    void twoLinesOfDifferentStreamsSwappedWithTheirPositionsRenumberedAreRefusedAtTheFirst() throws Exception {
        int a = indexOf("\"aggregateIdentifier\":\"" + D + "-c2\",\"sequenceNumber\":0,");
        int b = indexOf("\"aggregateIdentifier\":\"" + D + "-c9\",\"sequenceNumber\":0,");
        List<String> swapped = swap(good, a, b);
        swapped.set(a, position(swapped.get(a), a));
        swapped.set(b, position(swapped.get(b), b));
        refused(swapped, a + 1, "this line is not the exported line " + (a + 1));
    }

    @Test
    void twoLinesOfOneStreamSwappedAreRefusedAtTheFirst() throws Exception {
        int a = indexOf("\"aggregateIdentifier\":\"" + D + "-c1\",\"sequenceNumber\":1,");
        int b = indexOf("\"aggregateIdentifier\":\"" + D + "-c1\",\"sequenceNumber\":2,");
        refused(swap(good, a, b), a + 1, "aggregate '" + D + "-c1' has sequence number 2 where 1 was expected");
    }

    @Test
    void aLineRepeatedIsRefusedAtTheRepetition() throws Exception {
        int a = indexOf("\"aggregateIdentifier\":\"" + D + "-c3\",\"sequenceNumber\":1,");
        List<String> repeated = new ArrayList<>(good);
        repeated.add(a + 1, good.get(a));
        refused(repeated, a + 2, "does not follow");
    }

    @Test
    void aCommentThreadLeftOutIsRefusedWhereItsFirstLineWas() throws Exception {
        List<String> dropped = new ArrayList<>(good);
        int first = indexOf("\"aggregateIdentifier\":\"" + D + "-c7\",\"sequenceNumber\":0,");
        dropped.removeIf(l -> l.contains("\"aggregateIdentifier\":\"" + D + "-c7\","));
        refused(dropped, first + 1, "the lines between were left out");
    }

    // ---- lines changed ------------------------------------------------------------------------------------------------

    @Test
    void aPayloadEditedIsRefusedAtItsLine() throws Exception {
        int a = indexOf("\"disposition\":\"ACCEPTED\"");
        List<String> edited = new ArrayList<>(good);
        edited.set(a, good.get(a).replaceFirst("\"disposition\":\"ACCEPTED\"", "\"disposition\":\"DECLINED\""));
        refused(edited, a + 1, "hash does not match");
    }

    @Test
    void theInformationalOccurredAtEditedIsRefusedAtItsLine() throws Exception {
        int a = indexOf("\"aggregateIdentifier\":\"" + D + "-c4\",\"sequenceNumber\":0,");
        List<String> edited = new ArrayList<>(good);
        edited.set(a, good.get(a).replaceFirst("\"occurredAt\":\"[^\"]+\",\"metaData\"",
                "\"occurredAt\":\"2020-01-01T00:00:00Z\",\"metaData\""));
        assertThat(edited.get(a)).isNotEqualTo(good.get(a));
        refused(edited, a + 1, "this line is not the exported line " + (a + 1));
    }

    @Test
    void anAggregateTypeEditedIsRefusedAtItsLine() throws Exception {
        int a = indexOf("\"aggregateIdentifier\":\"" + D + "-c5\",\"sequenceNumber\":0,");
        List<String> edited = new ArrayList<>(good);
        edited.set(a, good.get(a).replace("\"aggregateType\":\"Comment\"", "\"aggregateType\":\"DraftVersion\""));
        assertThat(edited.get(a)).isNotEqualTo(good.get(a));
        refused(edited, a + 1, "this line is not the exported line " + (a + 1));
    }

    @Test
    void aPositionMovedStillInOrderIsRefusedAtItsLine() throws Exception {
        int a = good.size() - 2 - documentLines().size(); // the last event
        List<String> edited = new ArrayList<>(good);
        edited.set(a, position(good.get(a), a + 100));
        refused(edited, a + 1, "this line is not the exported line " + (a + 1));
    }

    @Test
    void theHeaderEditedIsRefusedAtLineOne() throws Exception {
        List<String> edited = new ArrayList<>(good);
        edited.set(0, good.get(0).replaceFirst("\"exportedAt\":\"[^\"]+\"", "\"exportedAt\":\"2020-01-01T00:00:00Z\""));
        assertThat(edited.get(0)).isNotEqualTo(good.get(0));
        refused(edited, 1, "the header is not the one the end line signed: the header was changed");
    }

    @Test
    void anEmptyLinePutInIsRefusedAtIt() throws Exception {
        List<String> edited = new ArrayList<>(good);
        edited.add(10, "");
        refused(edited, 11, "empty line");
    }

    // ---- other exports spliced in -------------------------------------------------------------------------------------

    @Test
    void theEventsOfAnotherExportSplicedInAreRefusedAtTheFirstOfThem() throws Exception {
        List<String> spliced = new ArrayList<>(good.subList(0, good.size() - 1));
        spliced.addAll(oneDeliberation.subList(1, oneDeliberation.size() - 1));
        spliced.add(last());
        refused(spliced, good.size(), "does not follow");
    }

    @Test
    void theSignedTrailerOfAnotherExportIsRefusedAtTheHeaderItDidNotSign() throws Exception {
        List<String> spliced = new ArrayList<>(good.subList(0, good.size() - 1));
        spliced.add(oneDeliberation.get(oneDeliberation.size() - 1));
        refused(spliced, 1, "the header is not the one the end line signed");
    }

    // ---- the documents ------------------------------------------------------------------------------------------------

    @Test
    void aDocumentsBytesEditedAreRefusedAtItsLineForTheirHash() throws Exception {
        int a = indexOf("{\"document\":{");
        List<String> edited = new ArrayList<>(good);
        JsonNode d = JSON.readTree(good.get(a)).get("document");
        byte[] bytes = Base64.getDecoder().decode(d.get("bytes").asText());
        bytes[bytes.length / 2] ^= 1;
        edited.set(a, good.get(a).replace(d.get("bytes").asText(), Base64.getEncoder().encodeToString(bytes)));
        refused(edited, a + 1, "document " + d.get("sha256").asText() + ": its bytes hash to "
                + DocumentLines.sha256(bytes) + ", not to its sha256: the document was changed");
    }

    @Test
    void aDocumentsTextEditedIsRefusedAtItsLine() throws Exception {
        int a = indexOf("Vulnerability handling must be strengthened further.");
        List<String> edited = new ArrayList<>(good);
        edited.set(a, good.get(a).replace("must be strengthened further.", "may be weakened further."));
        refused(edited, a + 1, "this line is not the exported line " + (a + 1));
    }

    @Test
    void aDocumentLineLeftOutIsRefusedAtTheEventThatNamesIt() throws Exception {
        int a = indexOf("{\"document\":{");
        String sha = JSON.readTree(good.get(a)).get("document").get("sha256").asText();
        int naming = indexOf("\"document\":{\"sha256\":\"" + sha + "\"");
        List<String> dropped = new ArrayList<>(good);
        dropped.remove(a);
        refused(dropped, a + 1, "the lines between were left out");
        dropped.set(dropped.size() - 1, "{\"end\":\"shingi-ledger\",\"events\":" + events() + "}");
        refused(dropped, naming + 1, "the event names document " + sha + " (its version's file), which the file does "
                + "not carry", "?resign=true");
    }

    @Test
    void aDocumentLineRepeatedIsRefusedAtTheRepetition() throws Exception {
        int a = indexOf("{\"document\":{");
        List<String> repeated = new ArrayList<>(good);
        repeated.add(a + 1, good.get(a));
        refused(repeated, a + 2, "occurs twice in the file");
    }

    // ---- the trailer --------------------------------------------------------------------------------------------------

    @Test
    void aFileWithoutItsTrailerIsRefusedWhereTheTrailerWas() throws Exception {
        refused(new ArrayList<>(good.subList(0, good.size() - 1)), good.size(), "is missing: the file is incomplete");
    }

    @Test
    void aTrailerWithAForgedSignatureIsRefusedAtTheTrailer() throws Exception {
        List<String> forged = new ArrayList<>(good);
        forged.set(good.size() - 1, trailer(t -> t.replaceFirst("\"signature\":\"[0-9a-f]+\"",
                "\"signature\":\"" + "0".repeat(64) + "\"")));
        refused(forged, good.size(), "the end line's signature is not this installation's");
    }

    @Test
    void anEditedLineWithItsFingerprintAndHeadRecomputedIsRefusedForTheUnsignedTrailer() throws Exception {
        int a = indexOf("\"aggregateIdentifier\":\"" + D + "-c4\",\"sequenceNumber\":0,");
        List<String> edited = new ArrayList<>(good);
        edited.set(a, good.get(a).replaceFirst("\"occurredAt\":\"[^\"]+\",\"metaData\"",
                "\"occurredAt\":\"2020-01-01T00:00:00Z\",\"metaData\""));
        ExportTrailer.Digest digest = new ExportTrailer.Digest();
        edited.subList(0, edited.size() - 1).forEach(l -> digest.line(l.getBytes(StandardCharsets.UTF_8)));
        JsonNode t = JSON.readTree(last());
        edited.set(edited.size() - 1, "{\"end\":\"shingi-ledger\",\"events\":" + events() + ",\"lines\":" + digest.lines()
                + ",\"head\":\"" + digest.head() + "\",\"fingerprints\":\"" + digest.fingerprints()
                + "\",\"signature\":\"" + t.get("signature").asText() + "\"}");
        refused(edited, good.size(), "the end line's signature is not this installation's");
    }

    @Test
    void aTrailerCountingOtherLinesIsRefusedAtTheTrailer() throws Exception {
        List<String> forged = new ArrayList<>(good);
        forged.set(good.size() - 1, trailer(t -> t.replaceFirst("\"lines\":\\d+", "\"lines\":" + (good.size() - 2))));
        refused(forged, good.size(), "the end line carries no signed trailer");
    }

    @Test
    void aLineAfterTheTrailerIsRefusedAtIt() throws Exception {
        List<String> longer = new ArrayList<>(good);
        longer.add(good.get(5));
        refused(longer, good.size() + 1, "nothing may follow the end line");
    }

    // ---- the untouched file -------------------------------------------------------------------------------------------

    @Test
    @Order(Integer.MAX_VALUE)
    void theUntouchedExportStillImportsAndVerifiesClean() throws Exception {
        HttpResponse<String> r = importFile(String.join("\n", good) + "\n");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("events").asLong()).isEqualTo(events());
        assertThat(stored()).isEqualTo(events());
        Verifier.Report report = target.getBean(Verifier.class).verify();
        assertThat(report.findings()).isEmpty();
        assertThat(report.clean()).isTrue();
        assertThat(report.checkpoints()).as("the checkpoints the file carried (the revision may record one before the test asks)")
                .isEqualTo(good.stream().filter(l -> l.contains("\"payloadType\":\"dev.shingi.deliberation.api.LedgerCheckpointed\"")).count());
        assertThat(JSON.readTree(r.body()).get("documents").asInt()).isEqualTo(2);
        HttpResponse<String> text = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/deliberations/" + PDFS + "/versions/2/text")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("admin:" + Http.PASSWORD).getBytes(StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(text.statusCode()).as(text.body()).isEqualTo(200);
        assertThat(text.body()).isEqualTo(textOfV2);
        assertThat(text.body()).contains("\"Vulnerability handling must be strengthened further.\"");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------------

    static long events() {
        return good.size() - 2 - documentLines().size();
    }

    /** The export's document lines, the last before its trailer. */
    static List<String> documentLines() {
        return good.stream().filter(l -> l.startsWith("{\"document\":{")).toList();
    }

    /** The export with its last {@code n} events cut, its document lines and {@code end} after them. */
    static List<String> lastEventsCut(int n, String end) {
        List<String> cut = new ArrayList<>(good.subList(0, good.size() - 1 - documentLines().size() - n));
        cut.addAll(documentLines());
        cut.add(end);
        return cut;
    }

    static String last() {
        return good.get(good.size() - 1);
    }

    static String trailer(UnaryOperator<String> change) {
        String t = change.apply(last());
        assertThat(t).isNotEqualTo(last());
        return t;
    }

    static int indexOf(String part) {
        for (int i = 0; i < good.size(); i++) {
            if (good.get(i).contains(part)) {
                return i;
            }
        }
        throw new AssertionError("no line with " + part);
    }

    static List<String> swap(List<String> lines, int a, int b) {
        List<String> swapped = new ArrayList<>(lines);
        swapped.set(a, lines.get(b));
        swapped.set(b, lines.get(a));
        return swapped;
    }

    static String position(String line, long position) {
        return line.replaceFirst("^\\{\"position\":\\d+,", "{\"position\":" + position + ",");
    }

    long stored() {
        return target.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    }

    void refused(List<String> lines, long line, String reason) throws Exception {
        refused(lines, line, reason, "");
    }

    void refused(List<String> lines, long line, String reason, String query) throws Exception {
        HttpResponse<String> r = importFile(String.join("\n", lines) + "\n", query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode p = JSON.readTree(r.body());
        assertThat(p.get("type").asText()).isEqualTo("https://shingi.dev/problems/import-refused");
        assertThat(p.get("line").asLong()).as(r.body()).isEqualTo(line);
        assertThat(p.get("detail").asText()).as(r.body()).startsWith("line " + line + ": ").contains(reason);
        assertThat(stored()).isZero();
    }

    static HttpResponse<String> importFile(String body) throws Exception {
        return importFile(body, "");
    }

    static HttpResponse<String> importFile(String body, String query) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/admin/import" + query))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("admin:" + Http.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
