package dev.shingi.deliberation.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Map;

/**
 * The words this deliberation's comment tables use were set ({@link SetTableVocabulary}): each type word (as written)
 * → a kind, each disposition word → a disposition; it replaces the vocabulary set before, the defaults stay.
 */
@Revision("1")
public record TableVocabularySet(
        String deliberationId,
        Map<String, CommentKind> types,
        Map<String, Disposition> dispositions,
        Instant occurredAt) implements DeliberationEvent {
    public TableVocabularySet {
        types = types == null ? Map.of() : types;
        dispositions = dispositions == null ? Map.of() : dispositions;
    }
}
