package dev.shingi.deliberation.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A deliberation became readable by anyone ({@code publiclyReadable}), or members-only again. */
@Revision("1")
public record VisibilityChanged(
        String deliberationId,
        boolean publiclyReadable,
        Instant occurredAt) implements DeliberationEvent {
}
