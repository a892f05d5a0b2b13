package dev.shingi.deliberation.api;

import java.time.Instant;

/**
 * One event in words: {@code summary} in English, {@code wording} the same sentence as the bundles' messages, for
 * the pages to say in the reader's language. {@code position} is its place in the ledger.
 */
public record TimelineEntry(
        long position,
        String eventId,
        String type,
        String summary,
        String commentId,
        String recordedBy,
        Instant occurredAt,
        Instant recordedAt,
        Phrase wording) {
}
