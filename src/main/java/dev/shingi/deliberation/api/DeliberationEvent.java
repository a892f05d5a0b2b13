package dev.shingi.deliberation.api;

import java.time.Instant;

/** Every event of a deliberation names it and says when it happened; the ledger's timestamp says when it was recorded. */
public interface DeliberationEvent {
    String deliberationId();

    Instant occurredAt();
}
