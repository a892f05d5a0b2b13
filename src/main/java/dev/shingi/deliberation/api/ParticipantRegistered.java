package dev.shingi.deliberation.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A participant was registered with a role. */
@Revision("1")
public record ParticipantRegistered(
        String deliberationId,
        String participantId,
        String name,
        Role role,
        String title,
        String affiliation,
        boolean organisation,
        Instant occurredAt) implements DeliberationEvent {
}
