package dev.shingi.deliberation.api;

import java.time.Instant;
import java.util.List;

/** A recorded meeting. */
public record Meeting(
        String meetingId,
        Integer number,
        String title,
        Instant startsAt,
        Instant endsAt,
        String venue,
        List<String> attendeeIds,
        List<Material> materials,
        Instant occurredAt,
        Instant recordedAt) {
}
