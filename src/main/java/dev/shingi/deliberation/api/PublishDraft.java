package dev.shingi.deliberation.api;

import java.time.Instant;

/**
 * Publishes a draft version as circulated (v1), outside any revision. Page count is optional; {@code document} is the
 * file it was published with (read and staged by the edge: drafttext.api.DocumentLibrary), or null.
 */
public record PublishDraft(
        String deliberationId,
        int version,
        String title,
        String materialNumber,
        Integer pageCount,
        Instant occurredAt,
        DraftDocument document) {

    /** A version without its document. */
    public PublishDraft(String deliberationId, int version, String title, String materialNumber, Integer pageCount,
                        Instant occurredAt) {
        this(deliberationId, version, title, materialNumber, pageCount, occurredAt, null);
    }
}
