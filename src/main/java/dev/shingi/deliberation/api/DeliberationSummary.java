package dev.shingi.deliberation.api;

import java.time.Instant;

/** A deliberation with the counts its home page shows. */
public record DeliberationSummary(
        String deliberationId,
        String title,
        String body,
        Instant openedAt,
        int participants,
        int meetings,
        int comments,
        int unansweredComments,
        int responses,
        int commitmentsMade,
        int openCommitments,
        int overdueCommitments,
        int versions,
        Integer latestVersion) {
}
