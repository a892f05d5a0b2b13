package dev.shingi.transfer.iso;

import dev.shingi.deliberation.api.CommentKind;
import dev.shingi.deliberation.api.Disposition;
import dev.shingi.deliberation.api.FindDeliberation;
import dev.shingi.deliberation.api.DeliberationDetail;
import dev.shingi.deliberation.api.FindTableVocabulary;
import dev.shingi.deliberation.api.SetTableVocabulary;
import dev.shingi.deliberation.api.TableVocabulary;
import dev.shingi.edge.ReadClock;
import dev.shingi.edge.RequestMetadata;
import dev.shingi.platform.Ledger;
import dev.shingi.security.AccessPolicy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * {@code GET|PUT /api/deliberations/{id}/table-vocabulary}: the words this deliberation's comment tables use for
 * types and dispositions, on top of the defaults ({@link SetTableVocabulary}; the secretariat's or an admin's).
 * A PUT gives the whole vocabulary: {@code {"types":{"nit":"EDITORIAL"},"dispositions":{"対応済":"ACCEPTED"}}}.
 */
@RestController
@Tag(name = "ISO/IEC commenting template")
class TableVocabularyController {
    private final QueryGateway queries;
    private final Ledger ledger;
    private final ReadClock clock;
    private final AccessPolicy access;
    private final RequestMetadata metadata;

    TableVocabularyController(QueryGateway queries, Ledger ledger, ReadClock clock, AccessPolicy access,
                              RequestMetadata metadata) {
        this.queries = queries;
        this.ledger = ledger;
        this.clock = clock;
        this.access = access;
        this.metadata = metadata;
    }

    /** What a secretariat sends: word → the ledger's name, as text (checked here, so a bad name is a 400 naming it). */
    record VocabularyRequest(Map<String, String> types, Map<String, String> dispositions, OffsetDateTime occurredAt) {
    }

    @GetMapping("/api/deliberations/{id}/table-vocabulary")
    @Operation(summary = "The deliberation's own type and disposition words for comment tables",
            description = "at/knownAt/afterEvent as for every read model; empty maps when none was set")
    TableVocabulary get(@PathVariable String id, @RequestParam(required = false) String at,
                        @RequestParam(required = false) String knownAt,
                        @RequestParam(required = false) Long afterEvent) {
        access.requireRead(id);
        var asOf = clock.asOf(at, knownAt, afterEvent);
        requireDeliberation(id);
        return queries.query(new FindTableVocabulary(id, asOf), ResponseTypes.instanceOf(TableVocabulary.class)).join();
    }

    @PutMapping("/api/deliberations/{id}/table-vocabulary")
    @Operation(summary = "SetTableVocabulary: the deliberation's own type and disposition words (the whole set)",
            description = "400 naming the word (types.nit, dispositions.対応済) when a word is blank, too long, the same "
                    + "as another, or its value is not a kind (CHANGE_REQUEST, QUESTION, EDITORIAL, REMARK, "
                    + "ENDORSEMENT) or a disposition (ACCEPTED, CONSIDERING, ANSWERED, NOTED, DECLINED)")
    TableVocabulary put(@PathVariable String id, @RequestBody VocabularyRequest r, HttpServletRequest request) {
        access.requireSecretariat(id);
        Map<String, CommentKind> types = Vocabulary.checkedTypes(r.types());
        Map<String, Disposition> dispositions = Vocabulary.checkedDispositions(r.dispositions());
        Instant received = clock.now();
        Instant occurredAt = clock.occurredAt("occurredAt", r.occurredAt() == null ? null : r.occurredAt().toInstant(),
                received);
        ledger.record(new SetTableVocabulary(id, types, dispositions, occurredAt), metadata.of(request));
        ledger.awaitProjections();
        return queries.query(new FindTableVocabulary(id, clock.current()), ResponseTypes.instanceOf(TableVocabulary.class))
                .join();
    }

    private void requireDeliberation(String id) {
        queries.query(new FindDeliberation(id, clock.current()), ResponseTypes.instanceOf(DeliberationDetail.class)).join();
    }
}
