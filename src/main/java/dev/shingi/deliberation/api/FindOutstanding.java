package dev.shingi.deliberation.api;

/** Unanswered comments and open commitments; answered with {@link Outstanding}. */
public record FindOutstanding(String deliberationId, AsOf asOf) {
}
