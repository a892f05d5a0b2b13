package dev.shingi.deliberation.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** A meeting took place (or was scheduled). */
@Revision("1")
public record MeetingRecorded(
        String deliberationId,
        String meetingId,
        Integer number,
        String title,
        Instant startsAt,
        Instant endsAt,
        String venue,
        List<String> attendeeIds,
        List<Material> materials,
        Instant occurredAt) implements DeliberationEvent {
}
