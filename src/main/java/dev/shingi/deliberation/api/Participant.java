package dev.shingi.deliberation.api;

import java.time.Instant;

/** A registered participant. */
public record Participant(
        String participantId,
        String name,
        Role role,
        String title,
        String affiliation,
        boolean organisation,
        Instant occurredAt,
        Instant recordedAt) {
}
