package dev.shingi.deliberation.command;

import dev.shingi.deliberation.api.Aggregates;
import dev.shingi.deliberation.api.AliasRegistered;
import dev.shingi.deliberation.api.InvalidField;
import dev.shingi.deliberation.api.RegisterAlias;
import dev.shingi.deliberation.api.SetTableVocabulary;
import dev.shingi.deliberation.api.TableVocabularySet;
import dev.shingi.deliberation.api.UnknownRecord;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    /** Who each way of naming someone (id, name, affiliation, alias; {@link #naming}) names. */
    private final Map<String, Set<String>> named = new HashMap<>();
    /** The comment tables' words as last set (empty: the defaults alone). */
    private TableVocabularySet vocabulary;

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
    void handle(RegisterAlias command) {
        Rules.requireNotBefore(openedAt, "occurredAt", command.occurredAt());
        if (!participants.contains(command.participantId())) {
            throw new UnknownRecord("participantId", "Participant '" + command.participantId()
                    + "' is not registered in '" + deliberationId + "'.");
        }
        Set<String> names = named.getOrDefault(naming(command.alias()), Set.of());
        List<String> others = names.stream().filter(p -> !p.equals(command.participantId())).sorted().toList();
        if (!others.isEmpty()) {
            throw new InvalidField("alias", "participant.alias-names-one", "'" + command.alias() + "' already names "
                    + "participant '" + String.join("', '", others) + "' of '" + deliberationId
                    + "': an alias may name one participant only.");
        }
        if (names.isEmpty()) { // else they go by it already: nothing new
            apply(new AliasRegistered(deliberationId, command.participantId(), command.alias().strip(),
                    command.occurredAt()));
        }
    }

    @CommandHandler
    void handle(SetTableVocabulary command) {
        Rules.requireNotBefore(openedAt, "occurredAt", command.occurredAt());
        TableVocabularySet set = new TableVocabularySet(deliberationId, command.types(), command.dispositions(),
                command.occurredAt());
        boolean same = vocabulary == null ? set.types().isEmpty() && set.dispositions().isEmpty()
                : vocabulary.types().equals(set.types()) && vocabulary.dispositions().equals(set.dispositions());
        if (!same) { // the same words again record nothing
            apply(set);
        }
    }

    @EventSourcingHandler
    void on(TableVocabularySet event) {
        vocabulary = event;
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
        for (String way : new String[] {event.participantId(), event.name(), event.affiliation()}) {
            if (way != null) {
                named.computeIfAbsent(naming(way), k -> new HashSet<>()).add(event.participantId());
            }
        }
    }

    @EventSourcingHandler
    void on(AliasRegistered event) {
        named.computeIfAbsent(naming(event.alias()), k -> new HashSet<>()).add(event.participantId());
    }

    /**
     * A way of naming someone as an import compares it: Unicode NFKC (full and half width alike), spacing collapsed,
     * case ignored — so that no alias can name, for the importer, someone other than the one it was given to.
     */
    static String naming(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    @EventSourcingHandler
    void on(MeetingRecorded event) {
        meetings.add(event.meetingId());
    }
}
