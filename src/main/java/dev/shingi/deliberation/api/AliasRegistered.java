package dev.shingi.deliberation.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A participant goes by another name too ({@code alias}, as written, e.g. 'TS'): imports match it to them. */
@Revision("1")
public record AliasRegistered(
        String deliberationId,
        String participantId,
        String alias,
        Instant occurredAt) implements DeliberationEvent {
}
