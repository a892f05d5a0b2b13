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
    private final ObjectMapper json = EventJson.MAPPER;
    private final Names names;
    private final LogPosition logPosition;

    DeliberationsProjection(JdbcTemplate jdbc, Names names, LogPosition logPosition) {
        this.jdbc = jdbc;
        this.names = names;
        this.logPosition = logPosition;
    }

    @EventHandler
    void on(DeliberationEvent event, EventMessage<?> message, TrackingToken token) throws JsonProcessingException {
        long position = logPosition.of(message, token);
        long recordedAt = millis(message.getTimestamp());
        jdbc.update("INSERT INTO ledger_clock (position, recorded_at) VALUES (?, ?)", position, recordedAt);
        long occurredAt = millis(event.occurredAt());
        String summary = null;
        if (event instanceof DeliberationOpened e) {
            jdbc.update("""
                    INSERT INTO deliberation_v (deliberation_id, title, body, occurred_at, position, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?)""", e.deliberationId(), e.title(), e.body(), occurredAt, position, recordedAt);
            summary = "Deliberation opened: " + e.title();
        } else if (event instanceof ParticipantRegistered e) {
            jdbc.update("""
                    INSERT INTO participant_v (deliberation_id, participant_id, name, role, title, affiliation, organisation,
                                               occurred_at, position, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    e.deliberationId(), e.participantId(), e.name(), e.role().name(), e.title(), e.affiliation(),
                    e.organisation(), occurredAt, position, recordedAt);
            summary = e.name() + (e.title() != null ? " (" + e.title() + ")" : "") + " registered as " + e.role();
        } else if (event instanceof MeetingRecorded e) {
            jdbc.update("""
                    INSERT INTO meeting_v (deliberation_id, meeting_id, number, title, starts_at, ends_at, venue,
                                           attendee_ids, materials, occurred_at, position, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    e.deliberationId(), e.meetingId(), e.number(), e.title(), millis(e.startsAt()),
                    e.endsAt() == null ? null : millis(e.endsAt()), e.venue(), json.writeValueAsString(e.attendeeIds()),
                    json.writeValueAsString(e.materials()), occurredAt, position, recordedAt);
            summary = "Meeting " + (e.number() != null ? "#" + e.number() + " " : "") + (e.title() != null ? e.title() : "")
                    + (e.venue() != null ? " at " + e.venue() : "") + " with " + e.attendeeIds().size() + " attendees";
        } else if (event instanceof VisibilityChanged e) {
            summary = e.publiclyReadable() ? "Deliberation made public: anyone may read it"
                    : "Deliberation made members-only";
        } else if (event instanceof DraftPublished e) {
            insertVersion(e.deliberationId(), e.version(), null, e.title(), e.materialNumber(), e.pageCount(), null,
                    List.of(), null, false, false, occurredAt, position, recordedAt);
            summary = "Draft v" + e.version() + " published: " + e.title()
                    + (e.pageCount() != null ? " (" + e.pageCount() + " pages)" : "");
        } else if (event instanceof RevisionCommitted e) {
            insertVersion(e.deliberationId(), e.version(), e.basedOnVersion(), e.title(), e.materialNumber(),
                    e.pageCount(), e.summary(), e.changes(), e.committedBy(), e.illustrative(), true, occurredAt,
                    position, recordedAt);
            summary = (e.illustrative() ? "[ILLUSTRATIVE EXAMPLE] " : "") + names.of(e.deliberationId()).apply(e.committedBy())
                    + " committed v" + e.version() + " (from v" + e.basedOnVersion() + "), keeping "
                    + (e.fulfils() == null ? 0 : e.fulfils().size()) + " commitment(s)"
                    + (e.summary() != null ? ": " + e.summary() : "");
        }
        if (summary != null) {
            Object recordedBy = message.getMetaData().get(RecordingMetadata.RECORDED_BY);
            jdbc.update("""
                    INSERT INTO timeline_v (row_key, deliberation_id, position, event_type, comment_id, summary, recorded_by,
                                            occurred_at, recorded_at, valid_from, valid_to, known_from, known_to)
                    VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    message.getIdentifier(), event.deliberationId(), position, event.getClass().getSimpleName(), summary,
                    recordedBy == null ? null : recordedBy.toString(), occurredAt, recordedAt, occurredAt, FOREVER,
                    position, FOREVER);
        }
    }

    private void insertVersion(String deliberationId, int version, Integer basedOn, String title, String material,
                               Integer pageCount, String summary, List<String> changes, String committedBy,
                               boolean illustrative, boolean revision, long occurredAt, long position, long recordedAt)
            throws JsonProcessingException {
        jdbc.update("""
                INSERT INTO version_v (deliberation_id, version, based_on, title, material_number, page_count, summary,
                    changes, committed_by, illustrative, revision, occurred_at, position, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                deliberationId, version, basedOn, title, material, pageCount, summary,
                json.writeValueAsString(changes == null ? List.of() : changes), committedBy, illustrative, revision,
                occurredAt, position, recordedAt);
    }

    @ResetHandler
    void reset() {
        names.forget();
        jdbc.update("DELETE FROM timeline_v WHERE comment_id IS NULL");
        for (String table : List.of("version_v", "meeting_v", "participant_v", "deliberation_v", "ledger_clock")) {
            jdbc.update("DELETE FROM " + table);
        }
    }
}
