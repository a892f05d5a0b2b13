package dev.shingi.deliberation.command;

import dev.shingi.deliberation.api.Aggregates;
import dev.shingi.deliberation.api.DeliberationOpened;
import dev.shingi.deliberation.api.MeetingRecorded;
import dev.shingi.deliberation.api.OpenDeliberation;
import dev.shingi.deliberation.api.ParticipantRegistered;
import dev.shingi.deliberation.api.RecordMeeting;
import dev.shingi.deliberation.api.RegisterParticipant;
import dev.shingi.deliberation.api.RuleViolation;
import dev.shingi.deliberation.api.SetVisibility;
import dev.shingi.deliberation.api.VisibilityChanged;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.text.Normalizer;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One body's process on one draft: who takes part and which meetings were held. Comments live elsewhere. */
@Aggregate(type = Aggregates.DELIBERATION, cache = "deliberationCache")
class Deliberation {

    @AggregateIdentifier
    private String deliberationId;
    private final Set<String> participants = new HashSet<>();
    private final Set<String> meetings = new HashSet<>();
    private boolean publiclyReadable;
    private final Set<String> names = new HashSet<>();
    private Instant openedAt;

    Deliberation() {
        // for event sourcing
    }

    @CommandHandler
    Deliberation(OpenDeliberation command) {
        apply(new DeliberationOpened(command.deliberationId(), command.title(), command.body(), command.occurredAt()));
    }

    @CommandHandler
    void handle(RegisterParticipant command) {
        Rules.requireNotBefore(openedAt, "occurredAt", command.occurredAt());
        if (participants.contains(command.participantId())) {
            throw new RuleViolation("participant.registered-once",
                    "Participant '" + command.participantId() + "' is already registered in '" + deliberationId + "'.");
        }
        if (command.name() != null && names.contains(normalised(command.name()))) {
            throw new RuleViolation("participant.name-once", "A participant named '" + command.name()
                    + "' (compared in Unicode NFC) is already registered in '" + deliberationId + "'.");
        }
        apply(new ParticipantRegistered(deliberationId, command.participantId(), command.name(), command.role(),
                command.title(), command.affiliation(), command.organisation(), command.occurredAt()));
    }

    @CommandHandler
    void handle(RecordMeeting command) {
        Rules.requireNotBefore(openedAt, "startsAt", command.startsAt());
        Rules.requireNotBefore(openedAt, "occurredAt", command.occurredAt());
        if (meetings.contains(command.meetingId())) {
            throw new RuleViolation("meeting.recorded-once",
                    "Meeting '" + command.meetingId() + "' is already recorded in '" + deliberationId + "'.");
        }
        List<String> attendees = command.attendeeIds() == null ? List.of() : command.attendeeIds();
        for (String attendee : attendees) {
            if (!participants.contains(attendee)) {
                throw new RuleViolation("meeting.attendees-registered",
                        "Attendee '" + attendee + "' is not a registered participant of '" + deliberationId + "'.");
            }
        }
        apply(new MeetingRecorded(deliberationId, command.meetingId(), command.number(), command.title(),
                command.startsAt(), command.endsAt(), command.venue(), attendees,
                command.materials() == null ? List.of() : command.materials(), command.occurredAt()));
    }

    @CommandHandler
    void handle(SetVisibility command) {
        Rules.requireNotBefore(openedAt, "occurredAt", command.occurredAt());
        if (command.publiclyReadable() != publiclyReadable) {
            apply(new VisibilityChanged(deliberationId, command.publiclyReadable(), command.occurredAt()));
        }
    }

    @EventSourcingHandler
    void on(VisibilityChanged event) {
        publiclyReadable = event.publiclyReadable();
    }

    @EventSourcingHandler
    void on(DeliberationOpened event) {
        deliberationId = event.deliberationId();
        openedAt = event.occurredAt();
    }

    /** Names compare in Unicode NFC, so "ガ" typed as one character or as カ + ゙ is one name. */
    private static String normalised(String name) {
        return Normalizer.normalize(name.strip(), Normalizer.Form.NFC);
    }

    @EventSourcingHandler
    void on(ParticipantRegistered event) {
        participants.add(event.participantId());
        if (event.name() != null) {
            names.add(normalised(event.name()));
        }
    }

    @EventSourcingHandler
    void on(MeetingRecorded event) {
        meetings.add(event.meetingId());
    }
}
