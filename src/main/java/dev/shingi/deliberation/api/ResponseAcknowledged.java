package dev.shingi.deliberation.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The commenter acknowledged a response as satisfied or not. */
@Revision("1")
public record ResponseAcknowledged(
        String deliberationId,
        String commentId,
        String responseId,
        String participantId,
        boolean satisfied,
        String note,
        Instant occurredAt) implements DeliberationEvent {
}
