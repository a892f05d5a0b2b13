package dev.shingi.deliberation.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.time.Instant;

/** A response promised something; {@code reference} is e.g. #7.1. */
@Revision("1")
public record CommitmentMade(
        String deliberationId,
        String commentId,
        String responseId,
        String commitmentId,
        String reference,
        CommitmentKind kind,
        String description,
        String ownerId,
        LocalDate dueDate,
        Instant occurredAt) implements DeliberationEvent {
}
