package dev.shingi.deliberation.api;

/** One commitment a revision keeps, and where. */
public record Fulfilment(String commentId, String commitmentId, Location location) {
}
