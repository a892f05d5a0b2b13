package dev.shingi.deliberation.api;

/** Draft evolution; answered with a list of {@link VersionSummary}. */
public record FindVersions(String deliberationId, AsOf asOf) {
}
