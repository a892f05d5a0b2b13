package dev.shingi.deliberation.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A deliberation was opened. */
@Revision("1")
public record DeliberationOpened(
        String deliberationId,
        String title,
        String body,
        Instant occurredAt) implements DeliberationEvent {
}
