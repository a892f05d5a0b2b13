package dev.shingi.deliberation.api;

import java.time.Instant;

/** A commenter's verdict on a response. */
public record Acknowledgement(
        String responseId,
        ParticipantRef by,
        boolean satisfied,
        String note,
        Instant occurredAt,
        Instant recordedAt) {
}
