package dev.shingi.deliberation.api;

/**
 * Why a revision was committed although comments on earlier versions were unanswered or commitments it was due to
 * fulfil were open (the readiness gate, rule {@code revision.unresolved-items}): the secretariat's reason, as given.
 */
public record ReadinessOverride(String reason) {
}
