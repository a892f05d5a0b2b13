package dev.shingi.transfer.ledger;

import dev.shingi.edge.ProblemHandler;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Backup and restore over HTTP (admin only, as all of {@code /api/admin/**}): the ledger, or one deliberation, as JSON
 * Lines; and an import of such a file into an empty ledger. docs/backup.md.
 */
@RestController
@Tag(name = "Admin", description = "Operating the ledger")
class LedgerTransferController {
    /** The body of an import is spooled to a temporary file and read twice: validated, then written. */
    static final String IMPORT_PATH = "/api/admin/import";

    private final LedgerExport export;
    private final LedgerImport importer;
    private final Clock clock;
    private final long maxImportSize;

    LedgerTransferController(LedgerExport export, LedgerImport importer, Clock clock,
                             @Value("${shingi.transfer.max-import-size:4294967296}") long maxImportSize) {
        this.export = export;
        this.importer = importer;
        this.clock = clock;
        this.maxImportSize = maxImportSize;
    }

    @GetMapping(value = "/api/admin/export", produces = LedgerFormat.MEDIA_TYPE)
    @Operation(summary = "Every event of the ledger, or of one deliberation, as JSON Lines (a backup)",
            description = "A header line, one line per event in log order with both clocks, metadata and the stored "
                    + "payload, and an end line counting the events. Streamed; docs/backup.md.")
    void export(@RequestParam(required = false) String deliberation, HttpServletResponse response) throws IOException {
        export.requireKnown(deliberation); // a 404 problem, before the response is committed
        String name = "shingi-" + (deliberation == null ? "ledger" : deliberation.replaceAll("[^A-Za-z0-9_-]", "_"))
                + "-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(clock.instant())
                + ".jsonl";
        response.setContentType(LedgerFormat.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        export.export(response.getOutputStream(), deliberation);
    }

    @PostMapping(value = IMPORT_PATH, consumes = LedgerFormat.MEDIA_TYPE)
    @Operation(summary = "Import an export into an empty ledger (a restore)",
            description = "The whole body is validated first (400 naming the line and why; nothing written); a "
                    + "ledger that holds any event answers 409. resign=true signs the events with this installation's "
                    + "integrity key instead of requiring that they were signed with it. docs/backup.md.")
    LedgerImport.Result importLedger(@RequestParam(defaultValue = "false") boolean resign, HttpServletRequest request)
            throws IOException {
        Path file = Spool.spool(request.getInputStream(), maxImportSize);
        try {
            return importer.importFile(file, resign);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @ExceptionHandler(ImportRefused.class)
    ResponseEntity<ProblemDetail> refused(ImportRefused e) {
        HttpStatus status = HttpStatus.valueOf(e.status());
        ProblemDetail p = ProblemHandler.problem(status, e.type(),
                status == HttpStatus.CONFLICT ? "The ledger is not empty" : "Import refused", e.getMessage());
        if (e.line() > 0) {
            p.setProperty("line", e.line());
        }
        if (status == HttpStatus.CONFLICT) {
            p.setProperty("rule", "ledger.import-into-empty");
        }
        return ResponseEntity.status(status).body(p);
    }

    @ExceptionHandler(Spool.TooLarge.class)
    ResponseEntity<ProblemDetail> tooLarge(Spool.TooLarge e) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(ProblemHandler.problem(
                HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", "Request body too large", e.getMessage()));
    }
}
