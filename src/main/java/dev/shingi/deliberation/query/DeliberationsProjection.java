package dev.shingi.deliberation.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shingi.deliberation.api.*;
import dev.shingi.platform.RecordingMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.Function;

import static dev.shingi.deliberation.query.Temporal.FOREVER;
import static dev.shingi.deliberation.query.Temporal.millis;

/**
 * The ledger's clock (which log position was recorded when), deliberations, participants, meetings and draft
 * versions, and the timeline entries of everything that is not about one comment. None of these records can be
 * corrected, so each is one row with its occurred time and log position.
 */
@Component
@ProcessingGroup(ViewsConfig.PROCESSING_GROUP)
class DeliberationsProjection {

    private final JdbcTemplate jdbc;
    private final Names names;
    private final LogPosition logPosition;

    DeliberationsProjection(JdbcTemplate jdbc, Names names, LogPosition logPosition) {
        this.jdbc = jdbc;
        this.names = names;
        this.logPosition = logPosition;
    }

    @EventHandler
    void on(DeliberationEvent event, EventMessage<?> message, TrackingToken token) throws JsonProcessingException {
        Object recordedBy = message.getMetaData().get(RecordingMetadata.RECORDED_BY);
        write(event, logPosition.of(message, token), millis(message.getTimestamp()), message.getIdentifier(),
                recordedBy == null ? null : recordedBy.toString(), names.of(event.deliberationId()), jdbc::update);
    }

    static final String LEDGER_CLOCK = "INSERT INTO ledger_clock (position, recorded_at) VALUES (?, ?)";

    /** Where {@link #write} puts its rows: one INSERT each, at once (the projection) or in batches (the bulk rebuild). */
    interface Sink {
        void insert(String sql, Object... args);
    }

    /**
     * The rows one event adds, as both this projection and the bulk rebuild ({@link ViewsBulkRebuild}) write them: a
     * {@code ledger_clock} row for every event, and the deliberation's, participants', meetings', versions' and
     * timeline rows of the events that are not about one comment. For an event about one comment it writes the
     * {@code ledger_clock} row alone: the bulk rebuild writes that row without reading the event, and
     * BulkRebuildEquivalenceProperties fails if this changes.
     *
     * @param nameOf participants' display names as the ledger knew them right before the event
     */
    static void write(DeliberationEvent event, long position, long recordedAt, String eventId, String recordedBy,
                      Function<String, String> nameOf, Sink sink) throws JsonProcessingException {
        ObjectMapper json = EventJson.MAPPER;
        sink.insert(LEDGER_CLOCK, position, recordedAt);
        long occurredAt = millis(event.occurredAt());
        if (event instanceof DeliberationOpened e) {
            sink.insert("""
                    INSERT INTO deliberation_v (deliberation_id, title, body, occurred_at, position, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?)""", e.deliberationId(), e.title(), e.body(), occurredAt, position, recordedAt);
        } else if (event instanceof ParticipantRegistered e) {
            sink.insert("""
                    INSERT INTO participant_v (deliberation_id, participant_id, name, role, title, affiliation, organisation,
                                               occurred_at, position, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    e.deliberationId(), e.participantId(), e.name(), e.role().name(), e.title(), e.affiliation(),
                    e.organisation(), occurredAt, position, recordedAt);
        } else if (event instanceof AliasRegistered e) {
            sink.insert("""
                    INSERT INTO participant_alias_v (deliberation_id, participant_id, alias, occurred_at, position, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?)""", e.deliberationId(), e.participantId(), e.alias(), occurredAt, position,
                    recordedAt);
        } else if (event instanceof TableVocabularySet e) {
            sink.insert("""
                    INSERT INTO table_vocabulary_v (deliberation_id, types, dispositions, occurred_at, position, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?)""", e.deliberationId(), json.writeValueAsString(e.types()),
                    json.writeValueAsString(e.dispositions()), occurredAt, position, recordedAt);
        } else if (event instanceof MeetingRecorded e) {
            sink.insert("""
                    INSERT INTO meeting_v (deliberation_id, meeting_id, number, title, starts_at, ends_at, venue,
                                           attendee_ids, materials, occurred_at, position, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    e.deliberationId(), e.meetingId(), e.number(), e.title(), millis(e.startsAt()),
                    e.endsAt() == null ? null : millis(e.endsAt()), e.venue(), json.writeValueAsString(e.attendeeIds()),
                    json.writeValueAsString(e.materials()), occurredAt, position, recordedAt);
        } else if (event instanceof DraftPublished e) {
            insertVersion(sink, e.deliberationId(), e.version(), null, e.title(), e.materialNumber(), e.pageCount(), null,
                    List.of(), null, false, false, null, occurredAt, position, recordedAt);
        } else if (event instanceof RevisionCommitted e) {
            insertVersion(sink, e.deliberationId(), e.version(), e.basedOnVersion(), e.title(), e.materialNumber(),
                    e.pageCount(), e.summary(), e.changes(), e.committedBy(), e.illustrative(), true,
                    e.override() == null ? null : e.override().reason(), occurredAt, position, recordedAt);
        }
        Phrase sentence = TimelineSentence.ofDeliberation(event, nameOf);
        if (sentence != null) {
            sink.insert("""
                    INSERT INTO timeline_v (row_key, deliberation_id, position, event_type, comment_id, summary, wording,
                                            recorded_by, occurred_at, recorded_at, valid_from, valid_to, known_from, known_to)
                    VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    eventId, event.deliberationId(), position, event.getClass().getSimpleName(),
                    TimelineEnglish.of(sentence), EventJson.write(sentence), recordedBy, occurredAt, recordedAt,
                    occurredAt, FOREVER, position, FOREVER);
        }
    }

    private static void insertVersion(Sink sink, String deliberationId, int version, Integer basedOn, String title,
                                      String material, Integer pageCount, String summary, List<String> changes,
                                      String committedBy, boolean illustrative, boolean revision,
                                      String overrideReason, long occurredAt,
                                      long position, long recordedAt) throws JsonProcessingException {
        sink.insert("""
                INSERT INTO version_v (deliberation_id, version, based_on, title, material_number, page_count, summary,
                    changes, committed_by, illustrative, revision, override_reason, occurred_at, position, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                deliberationId, version, basedOn, title, material, pageCount, summary,
                EventJson.MAPPER.writeValueAsString(changes == null ? List.of() : changes), committedBy, illustrative,
                revision, overrideReason, occurredAt, position, recordedAt);
    }

    @ResetHandler
    void reset() {
        names.forget();
        jdbc.update("DELETE FROM timeline_v WHERE comment_id IS NULL");
        for (String table : List.of("version_v", "meeting_v", "participant_alias_v", "table_vocabulary_v", "participant_v", "deliberation_v", "ledger_clock")) {
            jdbc.update("DELETE FROM " + table);
        }
    }
}
