package dev.shingi.deliberation.api;

import java.time.Instant;
import java.util.Map;

/**
 * A deliberation's own words for its comment tables ({@link TableVocabularySet}), in the order given; empty maps and
 * null times when none was set (the importer's defaults alone).
 */
public record TableVocabulary(String deliberationId, Map<String, CommentKind> types,
                              Map<String, Disposition> dispositions, Instant occurredAt, Instant recordedAt) {
    public TableVocabulary {
        types = types == null ? Map.of() : types;
        dispositions = dispositions == null ? Map.of() : dispositions;
    }

    public static TableVocabulary none(String deliberationId) {
        return new TableVocabulary(deliberationId, Map.of(), Map.of(), null, null);
    }
}
