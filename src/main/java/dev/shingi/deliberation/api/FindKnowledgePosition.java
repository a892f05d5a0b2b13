package dev.shingi.deliberation.api;

import java.time.Instant;

/** The ledger's knowledge at an instant, as a log position (see {@link AsOf}); answered with a Long. */
public record FindKnowledgePosition(Instant knownAt) {
}
