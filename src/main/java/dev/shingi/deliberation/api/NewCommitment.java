package dev.shingi.deliberation.api;

import java.time.LocalDate;

/**
 * A promise made inside a response. {@code ownerId} is the participant who owns it (the responder when null);
 * {@code dueDate} is optional.
 */
public record NewCommitment(CommitmentKind kind, String description, String ownerId, LocalDate dueDate) {
}
