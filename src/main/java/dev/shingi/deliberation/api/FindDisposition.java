package dev.shingi.deliberation.api;

/**
 * The disposition of comments (「ご意見と考え方」): every comment raised on draft versions {@code fromVersion} ..
 * {@code toVersion} (inclusive), each with its responses in full and their commitments, as of {@code asOf}; answered
 * with a list of {@link DispositionEntry} in reference order. A null bound is open (every version on that side) and is
 * not checked; a given bound must name a version that exists as of {@code asOf} (404 {@code version} otherwise).
 * Where each commitment was fulfilled is shown whatever version fulfilled it, as of {@code asOf}.
 */
public record FindDisposition(String deliberationId, Integer fromVersion, Integer toVersion, AsOf asOf) {
}
