package dev.shingi.deliberation.api;

/** A deliberation's comment-table vocabulary as of {@code asOf}; answered with {@link TableVocabulary}. */
public record FindTableVocabulary(String deliberationId, AsOf asOf) {
}
