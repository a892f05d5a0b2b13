package dev.shingi.deliberation.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Makes a deliberation readable by anyone, signed in or not ({@code publiclyReadable}), or members-only again. */
public record SetVisibility(
        @TargetAggregateIdentifier String deliberationId,
        boolean publiclyReadable,
        Instant occurredAt) {
}
