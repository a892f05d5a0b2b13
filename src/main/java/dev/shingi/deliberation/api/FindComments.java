package dev.shingi.deliberation.api;

/** Every comment of a deliberation in reference order; answered with a list of {@link CommentSummary}. */
public record FindComments(String deliberationId, AsOf asOf) {
}
