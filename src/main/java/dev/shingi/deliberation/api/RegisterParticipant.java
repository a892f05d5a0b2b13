package dev.shingi.deliberation.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Registers a person or organisation with a role. {@code title} is the honorific or post as written (企画官, 構成員). */
public record RegisterParticipant(
        @TargetAggregateIdentifier String deliberationId,
        String participantId,
        String name,
        Role role,
        String title,
        String affiliation,
        boolean organisation,
        Instant occurredAt) {
}
