package dev.shingi.deliberation.api;

/** Finds a commitment's id from its human reference (e.g. "#7.1") within a deliberation; answered with the id. */
public record ResolveCommitment(String deliberationId, String reference) {
}
