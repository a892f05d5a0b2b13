package dev.shingi.deliberation.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Records a meeting (第N回): when, where, who attended, which materials were circulated. */
public record RecordMeeting(
        @TargetAggregateIdentifier String deliberationId,
        String meetingId,
        Integer number,
        String title,
        Instant startsAt,
        Instant endsAt,
        String venue,
        List<String> attendeeIds,
        List<Material> materials,
        Instant occurredAt) {
}
