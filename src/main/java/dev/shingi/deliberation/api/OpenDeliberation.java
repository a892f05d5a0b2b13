package dev.shingi.deliberation.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Opens a deliberation: one body's process on one draft document. */
public record OpenDeliberation(
        @TargetAggregateIdentifier String deliberationId,
        String title,
        String body,
        Instant occurredAt) {
}
