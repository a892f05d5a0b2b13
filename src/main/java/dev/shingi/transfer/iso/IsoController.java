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

    IsoController(QueryGateway queries, ReadClock clock, AccessPolicy access, RequestMetadata metadata,
                  IsoImport importer) {
        this.queries = queries;
        this.clock = clock;
        this.access = access;
        this.metadata = metadata;
        this.importer = importer;
    }

    // ---- export ----

    @GetMapping("/api/deliberations/{id}/iso-comments")
    @Operation(summary = "A version's comments as the ISO/IEC commenting template", description = "format=csv|xlsx "
            + "(or Accept: text/csv, " + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet); "
            + "at/knownAt/afterEvent as for every read model.")
    ResponseEntity<byte[]> export(@PathVariable String id, @RequestParam(required = false) Integer version,
                                  @RequestParam(required = false) String format,
                                  @RequestParam(required = false) String at,
                                  @RequestParam(required = false) String knownAt,
                                  @RequestParam(required = false) Long afterEvent,
                                  @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean xlsx = xlsx(format, accept);
        int v = version(version);
        access.requireRead(id);
        AsOf asOf = clock.asOf(at, knownAt, afterEvent);
        List<DispositionEntry> entries = queries.query(new FindDisposition(id, v, v, asOf),
                ResponseTypes.multipleInstancesOf(DispositionEntry.class)).join();
        List<Participant> participants = deliberation(id).participants();
        List<Map<Column, String>> rows = entries.stream().map(e -> Template.row(e, participants)).toList();
        String name = id + "-iso-comments-v" + v + (xlsx ? ".xlsx" : ".csv");
        return ResponseEntity.ok().contentType(xlsx ? XLSX : CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(xlsx ? TemplateWriter.xlsx(rows) : TemplateWriter.csv(rows).getBytes(StandardCharsets.UTF_8));
    }

    private static boolean xlsx(String format, String accept) {
        if (format != null) {
            return switch (format.trim().toLowerCase(Locale.ROOT)) {
                case "csv" -> false;
                case "xlsx" -> true;
                default -> throw new InvalidInput("format", "'" + format + "' is not a format of the template; use csv or xlsx");
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
    @Operation(summary = "Import a filled template (multipart, part 'file': .csv or .xlsx) as comments on version N")
    ResponseEntity<Map<String, Object>> importForm(@PathVariable String id, @RequestParam(required = false) Integer version,
                                                   @RequestParam(required = false) MultipartFile file,
                                                   HttpServletRequest request) throws IOException {
        if (file == null) {
            throw new InvalidInput("file", "is required: the template as a multipart part named 'file'");
        }
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(Locale.ROOT);
        MediaType type = file.getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(file.getContentType());
        boolean xlsx = name.endsWith(".xlsx") || type.equalsTypeAndSubtype(XLSX)
                || (!name.endsWith(".csv") && !type.equalsTypeAndSubtype(CSV) && zip(file.getBytes()));
        return importTable(id, version, file.getBytes(), xlsx, type.getCharset(), request);
    }

    @PostMapping(value = "/api/deliberations/{id}/iso-comments",
            consumes = {"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @Operation(summary = "Import a filled template (body: text/csv or XLSX) as comments on version N")
    ResponseEntity<Map<String, Object>> importBody(@PathVariable String id, @RequestParam(required = false) Integer version,
                                                   @RequestBody(required = false) byte[] body,
                                                   @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                                                   HttpServletRequest request) {
        MediaType type = MediaType.parseMediaType(contentType);
        return importTable(id, version, body == null ? new byte[0] : body, type.equalsTypeAndSubtype(XLSX),
                type.getCharset(), request);
    }

    private ResponseEntity<Map<String, Object>> importTable(String id, Integer version, byte[] bytes, boolean xlsx,
                                                            Charset charset, HttpServletRequest request) {
        IsoImport.Imported done = importer.importTable(id, version, bytes, xlsx, charset, metadata.of(request));
        List<Map<String, Object>> recorded = new ArrayList<>();
        for (IsoImport.Recorded c : done.comments()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("row", c.row());
            r.put("commentId", c.commentId());
            r.put("reference", c.reference());
            recorded.add(r);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deliberationId", id);
        body.put("version", done.version());
        body.put("imported", done.comments().size());
        body.put("comments", recorded);
        body.put("observationsNotRecorded", done.observationsNotRecorded());
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
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

    /** All the table's problems at once, each with its row and column; nothing was recorded. */
    @ExceptionHandler(BadTable.class)
    ResponseEntity<ProblemDetail> badTable(BadTable e) {
        ProblemDetail p = ProblemHandler.problem(HttpStatus.BAD_REQUEST, "invalid-table", "Invalid table", e.getMessage());
        p.setProperty("errors", e.problems);
        return ResponseEntity.badRequest().body(p);
    }
}
