package dev.shingi.transfer.iso;

import dev.shingi.deliberation.api.AsOf;
import dev.shingi.deliberation.api.DeliberationDetail;
import dev.shingi.deliberation.api.DispositionEntry;
import dev.shingi.deliberation.api.FindDeliberation;
import dev.shingi.deliberation.api.FindDisposition;
import dev.shingi.deliberation.api.Participant;
import dev.shingi.edge.InvalidInput;
import dev.shingi.edge.ProblemHandler;
import dev.shingi.edge.ReadClock;
import dev.shingi.edge.RequestMetadata;
import dev.shingi.security.AccessPolicy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET|POST /api/deliberations/{id}/iso-comments?version=N}: a version's comments as the ISO/IEC commenting
 * template (CSV or XLSX), and a filled template imported as comments on version N. An import checks every row first
 * and answers 400 with every problem ({@code errors: [{row, column, reason}]}) without recording anything; else it
 * raises one comment per row, in writing (no meeting), on behalf of the row's MB/NC, as of the moment it is received.
 */
@RestController
@Tag(name = "ISO/IEC commenting template", description = "Export and import of the commenting table, CSV and XLSX")
class IsoController {
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final QueryGateway queries;
    private final ReadClock clock;
    private final AccessPolicy access;
    private final RequestMetadata metadata;
    private final IsoImport importer;

    private final java.time.ZoneId zone;

    IsoController(QueryGateway queries, ReadClock clock, AccessPolicy access, RequestMetadata metadata,
                  IsoImport importer, @org.springframework.beans.factory.annotation.Value("${shingi.pages.zone:Asia/Tokyo}")
                  java.time.ZoneId zone) {
        this.zone = zone;
        this.queries = queries;
        this.clock = clock;
        this.access = access;
        this.metadata = metadata;
        this.importer = importer;
    }

    // ---- export ----

    @GetMapping("/api/deliberations/{id}/iso-comments")
    @Operation(summary = "A version's comments as the ISO/IEC commenting template, or as a Markdown resolution log",
            description = "format=csv|xlsx|md "
            + "(or Accept: text/csv, " + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet); "
            + "at/knownAt/afterEvent as for every read model.")
    ResponseEntity<byte[]> export(@PathVariable String id, @RequestParam(required = false) Integer version,
                                  @RequestParam(required = false) String format,
                                  @RequestParam(required = false) String at,
                                  @RequestParam(required = false) String knownAt,
                                  @RequestParam(required = false) Long afterEvent,
                                  @RequestParam(name = "zone", required = false) String zoneName,
                                  @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        int v = version(version);
        if (format != null && (format.equalsIgnoreCase("md") || format.equalsIgnoreCase("markdown"))) {
            return markdown(id, v, at, knownAt, afterEvent, IsoImport.zone(zoneName, zone));
        }
        boolean xlsx = xlsx(format, accept);
        access.requireRead(id);
        AsOf asOf = clock.asOf(at, knownAt, afterEvent);
        List<DispositionEntry> entries = queries.query(new FindDisposition(id, v, v, asOf),
                ResponseTypes.multipleInstancesOf(DispositionEntry.class)).join();
        List<Participant> participants = deliberation(id).participants();
        java.time.ZoneId in = IsoImport.zone(zoneName, zone);
        List<Map<Column, String>> rows = entries.stream().map(e -> Template.row(e, participants, in)).toList();
        String name = id + "-iso-comments-v" + v + (xlsx ? ".xlsx" : ".csv");
        return ResponseEntity.ok().contentType(xlsx ? XLSX : CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(xlsx ? TemplateWriter.xlsx(rows) : TemplateWriter.csv(rows).getBytes(StandardCharsets.UTF_8));
    }

    /** format=md: the comments as a Markdown comment resolution log, which the import reads back. */
    private ResponseEntity<byte[]> markdown(String id, int v, String at, String knownAt, Long afterEvent,
                                            java.time.ZoneId zone) {
        access.requireRead(id);
        AsOf asOf = clock.asOf(at, knownAt, afterEvent);
        List<DispositionEntry> entries = queries.query(new FindDisposition(id, v, v, asOf),
                ResponseTypes.multipleInstancesOf(DispositionEntry.class)).join();
        String text = LogWriter.markdown(deliberation(id).summary().title() + " — v" + v, entries, zone);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/markdown;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(id + "-comments-v" + v + ".md").build().toString())
                .body(text.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean xlsx(String format, String accept) {
        if (format != null) {
            return switch (format.trim().toLowerCase(Locale.ROOT)) {
                case "csv" -> false;
                case "xlsx" -> true;
                default -> throw new InvalidInput("format", "'" + format + "' is not a format of the table; use csv, xlsx or md");
            };
        }
        if (accept != null) {
            try {
                for (MediaType t : MediaType.parseMediaTypes(accept)) {
                    if (t.equalsTypeAndSubtype(XLSX)) {
                        return true;
                    }
                    if (t.equalsTypeAndSubtype(CSV)) {
                        return false;
                    }
                }
            } catch (IllegalArgumentException malformed) {
                return false;
            }
        }
        return false;
    }

    // ---- import ----

    @PostMapping(value = "/api/deliberations/{id}/iso-comments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a comment table (multipart, part 'file': .csv, .xlsx or .md) as comments on version N",
            description = "zone: the time zone of the table's dates (default the deliberation's); responder: the "
                    + "secretariat participant whose answers the resolutions are (default the signed-in secretary)")
    ResponseEntity<Map<String, Object>> importForm(@PathVariable String id, @RequestParam(required = false) Integer version,
                                                   @RequestParam(required = false) String zone,
                                                   @RequestParam(required = false) String responder,
                                                   @RequestParam(required = false) MultipartFile file,
                                                   HttpServletRequest request) throws IOException {
        if (file == null) {
            throw new InvalidInput("file", "is required: the table as a multipart part named 'file'");
        }
        MediaType type = file.getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(file.getContentType());
        IsoImport.Upload upload = upload(file.getBytes(), file.getOriginalFilename(), type);
        return answer(importer.importTable(id, new IsoImport.Options(version, zone, responder), upload, metadata.of(request)));
    }

    @PostMapping(value = "/api/deliberations/{id}/iso-comments",
            consumes = {"text/csv", "text/markdown", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @Operation(summary = "Import a comment table (body: text/csv, text/markdown or XLSX) as comments on version N")
    ResponseEntity<Map<String, Object>> importBody(@PathVariable String id, @RequestParam(required = false) Integer version,
                                                   @RequestParam(required = false) String zone,
                                                   @RequestParam(required = false) String responder,
                                                   @RequestBody(required = false) byte[] body,
                                                   @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                                                   HttpServletRequest request) {
        MediaType type = MediaType.parseMediaType(contentType);
        IsoImport.Format format = type.equalsTypeAndSubtype(XLSX) ? IsoImport.Format.XLSX
                : type.equalsTypeAndSubtype(MARKDOWN) ? IsoImport.Format.MARKDOWN : IsoImport.Format.CSV;
        IsoImport.Upload upload = new IsoImport.Upload(body == null ? new byte[0] : body, format, type.getCharset(), null);
        return answer(importer.importTable(id, new IsoImport.Options(version, zone, responder), upload, metadata.of(request)));
    }

    static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown");

    /** What a file is: by its name (.xlsx, .md, .csv), else its part's type, else its first bytes. */
    static IsoImport.Upload upload(byte[] bytes, String fileName, MediaType type) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        IsoImport.Format format;
        if (name.endsWith(".xlsx")) {
            format = IsoImport.Format.XLSX;
        } else if (name.endsWith(".md") || name.endsWith(".markdown")) {
            format = IsoImport.Format.MARKDOWN;
        } else if (name.endsWith(".csv")) {
            format = IsoImport.Format.CSV;
        } else if (type != null && type.equalsTypeAndSubtype(XLSX) || zip(bytes)) {
            format = IsoImport.Format.XLSX;
        } else if (type != null && type.equalsTypeAndSubtype(MARKDOWN)) {
            format = IsoImport.Format.MARKDOWN;
        } else if (type != null && type.equalsTypeAndSubtype(CSV)) {
            format = IsoImport.Format.CSV;
        } else {
            format = MarkdownTable.looksLikeMarkdown(new String(bytes, StandardCharsets.UTF_8))
                    ? IsoImport.Format.MARKDOWN : IsoImport.Format.CSV;
        }
        return new IsoImport.Upload(bytes, format, type == null ? null : type.getCharset(),
                fileName == null || fileName.isBlank() ? null : fileName);
    }

    /** 201 with what was recorded; 200 when the table held nothing new (every row already in the ledger). */
    private static ResponseEntity<Map<String, Object>> answer(IsoImport.Imported done) {
        List<Map<String, Object>> recorded = new ArrayList<>();
        for (IsoImport.Recorded c : done.comments()) {
            recorded.add(recorded(c));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deliberationId", done.deliberationId());
        body.put("version", done.version());
        body.put("importId", done.importId());
        body.put("rows", done.rowsRead());
        body.put("imported", done.comments().size());
        body.put("responses", done.responses());
        body.put("comments", recorded);
        body.put("answeredNow", done.answeredNow().stream().map(IsoController::recorded).toList());
        body.put("corrected", done.corrected().stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("row", c.row());
            m.put("commentId", c.commentId());
            m.put("reference", c.reference());
            m.put("responseId", c.responseId());
            m.put("item", c.item());
            m.put("fields", c.fields());
            return m;
        }).toList());
        body.put("unchanged", done.unchanged());
        body.put("unanswered", done.unanswered());
        body.put("commentersCreated", done.created().stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("participantId", a.participantId());
            m.put("name", a.name());
            m.put("role", a.role());
            return m;
        }).toList());
        body.put("flags", done.flags());
        boolean nothing = done.comments().isEmpty() && done.answeredNow().isEmpty() && done.corrected().isEmpty();
        return ResponseEntity.status(nothing ? HttpStatus.OK : HttpStatus.CREATED).body(body);
    }

    private static Map<String, Object> recorded(IsoImport.Recorded c) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("row", c.row());
        r.put("commentId", c.commentId());
        r.put("reference", c.reference());
        r.put("item", c.item());
        r.put("responded", c.responded());
        return r;
    }

    private DeliberationDetail deliberation(String id) {
        return queries.query(new FindDeliberation(id, clock.current()), ResponseTypes.instanceOf(DeliberationDetail.class)).join();
    }

    private static int version(Integer version) {
        return IsoImport.version(version);
    }

    static boolean zip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    /** The same file again: 409 naming the import that brought it. */
    @ExceptionHandler(SameFile.class)
    ResponseEntity<ProblemDetail> sameFile(SameFile e) {
        ProblemDetail p = ProblemHandler.problem(HttpStatus.CONFLICT, "rule-broken", "A rule of the deliberation forbids this",
                e.getMessage());
        p.setProperty("rule", SameFile.RULE);
        Map<String, Object> earlier = new LinkedHashMap<>();
        earlier.put("importId", e.earlier.importId());
        earlier.put("fileName", e.earlier.fileName());
        earlier.put("version", e.earlier.version());
        earlier.put("importedBy", e.earlier.importedBy());
        earlier.put("importedAt", e.earlier.importedAt().toString());
        earlier.put("comments", e.earlier.comments());
        earlier.put("responses", e.earlier.responses());
        p.setProperty("earlierImport", earlier);
        return ResponseEntity.status(HttpStatus.CONFLICT).body(p);
    }

    /** All the table's problems at once, each with its row and column; nothing was recorded. */
    @ExceptionHandler(BadTable.class)
    ResponseEntity<ProblemDetail> badTable(BadTable e) {
        ProblemDetail p = ProblemHandler.problem(HttpStatus.BAD_REQUEST, "invalid-table", "Invalid table", e.getMessage());
        p.setProperty("field", "file"); // the uploaded table; each error names its row and column
        p.setProperty("errors", e.problems);
        return ResponseEntity.badRequest().body(p);
    }
}
