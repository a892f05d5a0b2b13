package dev.shingi.deliberation.api;

/** Which deliberation a comment belongs to, for access checks; answered with the deliberation id (404 if unknown). */
public record FindCommentDeliberation(String commentId) {
}
