package dev.shingi.deliberation.api;

/** A commitment a version kept, and where. */
public record FulfilledCommitment(
        String commitmentId,
        String reference,
        String commentId,
        String commentReference,
        String description,
        Location location) {
}
