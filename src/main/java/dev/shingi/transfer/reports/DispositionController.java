package dev.shingi.transfer.reports;

import dev.shingi.deliberation.api.AsOf;
import dev.shingi.deliberation.api.DeliberationDetail;
import dev.shingi.deliberation.api.DispositionEntry;
import dev.shingi.deliberation.api.FindDeliberation;
import dev.shingi.deliberation.api.FindDisposition;
import dev.shingi.deliberation.api.FindVersions;
import dev.shingi.deliberation.api.VersionSummary;
import dev.shingi.edge.InvalidInput;
import dev.shingi.edge.ReadClock;
import dev.shingi.edge.VersionComparisons;
import dev.shingi.edge.VersionComparisons.CommentAnchoring;
import dev.shingi.security.AccessPolicy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code GET /api/deliberations/{id}/disposition}: the disposition of comments (「ご意見と考え方」) of one version
 * ({@code version=N}) or of a range of versions ({@code from=N&to=M}: the comments raised on N..M), as of any moment,
 * as printable HTML, CSV (UTF-8 with BOM) or Markdown, with Japanese or English headings.
 */
@RestController
@Tag(name = "Reports", description = "Disposition of comments and the commitments calendar")
class DispositionController {

    private final QueryGateway queries;
    private final ReadClock clock;
    private final AccessPolicy access;
    private final MessageSource messages;
    private final VersionComparisons comparisons;

    DispositionController(QueryGateway queries, ReadClock clock, AccessPolicy access, MessageSource messages,
                          VersionComparisons comparisons) {
        this.queries = queries;
        this.clock = clock;
        this.access = access;
        this.messages = messages;
        this.comparisons = comparisons;
    }

    @GetMapping("/api/deliberations/{id}/disposition")
    @Operation(summary = "Disposition of comments of a version (version=N) or of versions N..M (from=N&to=M)",
            description = "format=html|csv|md (or Accept: text/html, text/csv, text/markdown), lang=ja|en (or "
                    + "Accept-Language; Japanese by default), at/knownAt/afterEvent as for every read model.")
    ResponseEntity<byte[]> disposition(@PathVariable String id,
                                       @RequestParam(required = false) Integer version,
                                       @RequestParam(required = false) Integer from,
                                       @RequestParam(required = false) Integer to,
                                       @RequestParam(required = false) String at,
                                       @RequestParam(required = false) String knownAt,
                                       @RequestParam(required = false) Long afterEvent,
                                       @RequestParam(required = false) String format,
                                       @RequestParam(required = false) String lang,
                                       @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                                       @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        Format f = Format.of(format, accept);
        Lang l = Lang.of(lang, acceptLanguage);
        int[] range = range(version, from, to);
        access.requireRead(id);
        AsOf asOf = clock.asOf(at, knownAt, afterEvent);
        List<DispositionEntry> entries = queries.query(new FindDisposition(id, range[0], range[1], asOf),
                ResponseTypes.multipleInstancesOf(DispositionEntry.class)).join();
        DeliberationDetail deliberation = queries.query(new FindDeliberation(id, clock.current()),
                ResponseTypes.instanceOf(DeliberationDetail.class)).join();
        List<VersionSummary> versions = queries.query(new FindVersions(id, asOf),
                ResponseTypes.multipleInstancesOf(VersionSummary.class)).join().stream()
                .filter(v -> v.version() >= range[0]).toList();
        Set<Integer> illustrative = versions.stream().filter(VersionSummary::illustrative)
                .map(VersionSummary::version).collect(Collectors.toSet());
        Map<Integer, String> overrides = versions.stream().filter(v -> v.overrideReason() != null)
                .collect(Collectors.toMap(VersionSummary::version, VersionSummary::overrideReason, (a, b) -> a,
                        java.util.TreeMap::new));
        // where each comment's passage is in the later versions with a document: the thread page's status
        Map<String, Map<Integer, CommentAnchoring>> anchorings = new java.util.HashMap<>();
        entries.forEach(e -> anchorings.put(e.comment().commentId(), comparisons.anchoringOf(e.comment(), asOf)));
        DispositionTable table = DispositionTable.of(deliberation.summary(), range[0], range[1], entries, illustrative,
                overrides, anchorings, new DispositionTable.Moment(asOf.at(), knownAt, afterEvent), l, messages);
        String name = id + "-disposition-v" + range[0] + (range[0] == range[1] ? "" : "-v" + range[1]) + "-" + l.name()
                .toLowerCase() + "." + f.extension;
        ContentDisposition disposition = (f == Format.HTML ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(name).build();
        return ResponseEntity.ok().contentType(f.type)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header(HttpHeaders.CONTENT_LANGUAGE, l.locale.getLanguage())
                .header(HttpHeaders.VARY, "Accept, Accept-Language")
                .body(DispositionWriter.write(table, f).getBytes(StandardCharsets.UTF_8));
    }

    /** Either version=N, or from=N and to=M with N ≤ M; versions count from 1. */
    static int[] range(Integer version, Integer from, Integer to) {
        if (version != null && (from != null || to != null)) {
            throw new InvalidInput("version", "give either version, or from and to, not both");
        }
        if (version != null) {
            positive("version", version);
            return new int[]{version, version};
        }
        if (from == null && to == null) {
            throw new InvalidInput("version", "is required (or from and to, for a range of versions)");
        }
        if (from == null || to == null) {
            throw new InvalidInput(from == null ? "from" : "to", "is required with " + (from == null ? "to" : "from"));
        }
        positive("from", from);
        positive("to", to);
        if (from > to) {
            throw new InvalidInput("from", "must not be after to (" + from + " > " + to + ")");
        }
        return new int[]{from, to};
    }

    private static void positive(String field, int value) {
        if (value < 1) {
            throw new InvalidInput(field, "must be 1 or more; versions count from 1");
        }
    }
}
