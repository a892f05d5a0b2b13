package dev.shingi.deliberation.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A draft version was circulated. */
@Revision("1")
public record DraftPublished(
        String deliberationId,
        int version,
        String title,
        String materialNumber,
        Integer pageCount,
        Instant occurredAt) implements DeliberationEvent {
}
