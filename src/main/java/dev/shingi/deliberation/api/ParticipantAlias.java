package dev.shingi.deliberation.api;

import java.time.Instant;

/** Another name a participant goes by ({@link AliasRegistered}). */
public record ParticipantAlias(String participantId, String alias, Instant occurredAt, Instant recordedAt) {
}
