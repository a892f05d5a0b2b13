package dev.shingi.deliberation.api;

/** Lists every deliberation with its counts; answered with a list of {@link DeliberationSummary}. */
public record FindDeliberations(AsOf asOf) {
}
