package dev.shingi.deliberation.api;

import java.time.Instant;
import java.util.List;

/** A response in full, with the commitments it made. */
public record ResponseDetail(
        String responseId,
        ParticipantRef responder,
        Disposition disposition,
        String text,
        List<CommitmentSummary> commitments,
        Instant occurredAt,
        Instant recordedAt) {
}
