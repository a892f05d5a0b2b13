package dev.shingi.deliberation.api;

/**
 * Every event of a deliberation known as of {@code asOf}, in words. Without {@code afterPosition}: in occurred order.
 * With it (replay): the next {@code limit} events after that log position, in recorded order.
 * Answered with a list of {@link TimelineEntry}.
 */
public record FindTimeline(String deliberationId, AsOf asOf, Long afterPosition, Integer limit) {
}
