package dev.shingi.rest;

import dev.shingi.deliberation.api.UnknownRecord;
import dev.shingi.deliberation.api.VersionDocuments;
import dev.shingi.drafttext.api.DocumentLibrary;
import dev.shingi.drafttext.api.DocumentText;
import dev.shingi.drafttext.api.Provenance;
import dev.shingi.drafttext.api.ReadDocument;
import dev.shingi.drafttext.api.TextChange;
import dev.shingi.edge.VersionComparisons;
import dev.shingi.edge.VersionComparisons.CommentAnchoring;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A version's document: the text read from it, the file itself as it was published, and the version compared with an
 * earlier one (what changed, where the comments' passages went, what produced each change).
 */
@RestController
@RequestMapping("/api/deliberations/{id}/versions/{version}")
@Tag(name = "Deliberations")
class VersionTextController {
    private final Edge edge;
    private final VersionDocuments versions;
    private final DocumentLibrary library;
    private final VersionComparisons comparisons;

    VersionTextController(Edge edge, VersionDocuments versions, DocumentLibrary library,
                          VersionComparisons comparisons) {
        this.edge = edge;
        this.versions = versions;
        this.library = library;
        this.comparisons = comparisons;
    }

    @GetMapping("/diff")
    @Operation(summary = "What changed from version `from` (default: the one before) to this one, sentence by sentence")
    List<TextChange> diff(@PathVariable String id, @PathVariable int version, @RequestParam(required = false) Integer from,
                          @RequestParam(required = false) String at, @RequestParam(required = false) String knownAt,
                          @RequestParam(required = false) Long afterEvent) {
        edge.access.requireRead(id);
        return comparisons.diff(id, version, from, edge.asOf(at, knownAt, afterEvent));
    }

    @GetMapping("/anchoring")
    @Operation(summary = "Re-anchoring: where the passage of every comment raised on an earlier version is in this one")
    List<CommentAnchoring> anchoring(@PathVariable String id, @PathVariable int version,
                                     @RequestParam(required = false) String at,
                                     @RequestParam(required = false) String knownAt,
                                     @RequestParam(required = false) Long afterEvent) {
        edge.access.requireRead(id);
        return comparisons.anchoring(id, version, edge.asOf(at, knownAt, afterEvent));
    }

    @GetMapping("/provenance")
    @Operation(summary = "Each change from `from` with the comments and commitments that produced it")
    Provenance provenance(@PathVariable String id, @PathVariable int version,
                          @RequestParam(required = false) Integer from, @RequestParam(required = false) String at,
                          @RequestParam(required = false) String knownAt,
                          @RequestParam(required = false) Long afterEvent) {
        edge.access.requireRead(id);
        return comparisons.provenance(id, version, from, edge.asOf(at, knownAt, afterEvent));
    }

    @GetMapping("/text")
    @Operation(summary = "The version's text: pages of lines as a reader counts them (404 without a document)")
    DocumentText text(@PathVariable String id, @PathVariable int version) {
        String sha256 = documentOf(id, version);
        return library.text(sha256).orElseThrow(() -> missing(id, version));
    }

    @GetMapping("/document")
    @Operation(summary = "The version's file, byte for byte as published (its SHA-256 is in the event)")
    ResponseEntity<byte[]> document(@PathVariable String id, @PathVariable int version) {
        String sha256 = documentOf(id, version);
        ReadDocument d = library.document(sha256).orElseThrow(() -> missing(id, version));
        String name = d.fileName() != null ? d.fileName() : id + "-v" + version;
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(d.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.ETAG, "\"" + sha256 + "\"")
                .body(d.bytes());
    }

    private String documentOf(String id, int version) {
        edge.access.requireRead(id);
        return versions.documentOf(id, version).orElseThrow(() -> missing(id, version));
    }

    private static UnknownRecord missing(String id, int version) {
        return new UnknownRecord("document",
                "Version " + version + " of '" + id + "' was published without its document.");
    }
}
