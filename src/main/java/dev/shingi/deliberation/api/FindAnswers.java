package dev.shingi.deliberation.api;

/** Who answered what, by responder and by member; answered with {@link Answers}. */
public record FindAnswers(String deliberationId, AsOf asOf) {
}
