package dev.shingi.deliberation.api;

/** One deliberation's summary, participants and meetings; answered with {@link DeliberationDetail}. */
public record FindDeliberation(String deliberationId, AsOf asOf) {
}
