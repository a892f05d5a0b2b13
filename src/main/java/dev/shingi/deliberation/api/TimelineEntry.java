package dev.shingi.deliberation.api;

import java.time.Instant;

/** One event in words. {@code position} is its place in the ledger. */
public record TimelineEntry(
        long position,
        String eventId,
        String type,
        String summary,
        String commentId,
        String recordedBy,
        Instant occurredAt,
        Instant recordedAt) {
}
