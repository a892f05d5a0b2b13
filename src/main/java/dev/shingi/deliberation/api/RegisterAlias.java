package dev.shingi.deliberation.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Registers another name a participant goes by in the deliberation's documents ('TS' for Thomas Schmidt), so that an
 * import matches it to them. Refused (400) when it already names another participant, by id, name, affiliation or alias.
 */
public record RegisterAlias(
        @TargetAggregateIdentifier String deliberationId,
        String participantId,
        String alias,
        Instant occurredAt) {
}
