package dev.shingi.deliberation.api;

/** Every event of a deliberation in occurred order, in words; answered with a list of {@link TimelineEntry}. */
public record FindTimeline(String deliberationId) {
}
