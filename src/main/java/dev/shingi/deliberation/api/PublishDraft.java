package dev.shingi.deliberation.api;

import java.time.Instant;

/** Publishes a draft version as circulated (v1), outside any revision. Page count is optional. */
public record PublishDraft(
        String deliberationId,
        int version,
        String title,
        String materialNumber,
        Integer pageCount,
        Instant occurredAt) {
}
