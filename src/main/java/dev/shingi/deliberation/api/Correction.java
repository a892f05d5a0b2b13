package dev.shingi.deliberation.api;

import java.time.Instant;

/** One field a correction changed, old and new side by side. {@code responseId} is null for the comment itself. */
public record Correction(String responseId, String field, String oldValue, String newValue, String reason,
                         ParticipantRef correctedBy, Instant occurredAt, Instant recordedAt) {
}
