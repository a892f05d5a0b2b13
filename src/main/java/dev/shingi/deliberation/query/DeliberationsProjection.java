package dev.shingi.deliberation.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shingi.deliberation.api.DeliberationOpened;
import dev.shingi.deliberation.api.MeetingRecorded;
import dev.shingi.deliberation.api.ParticipantRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static dev.shingi.deliberation.query.Sql.ts;

/** Deliberations, their participants and meetings. */
@Component
@ProcessingGroup("deliberations")
class DeliberationsProjection {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    DeliberationsProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(DeliberationOpened e, @Timestamp Instant recordedAt) {
        jdbc.update("INSERT INTO deliberation_view (deliberation_id, title, body, occurred_at, recorded_at) VALUES (?, ?, ?, ?, ?)",
                e.deliberationId(), e.title(), e.body(), ts(e.occurredAt()), ts(recordedAt));
    }

    @EventHandler
    void on(ParticipantRegistered e, @Timestamp Instant recordedAt) {
        jdbc.update("""
                INSERT INTO participant_view (deliberation_id, participant_id, name, role, title, affiliation, organisation,
                                              occurred_at, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                e.deliberationId(), e.participantId(), e.name(), e.role().name(), e.title(), e.affiliation(),
                e.organisation(), ts(e.occurredAt()), ts(recordedAt));
    }

    @EventHandler
    void on(MeetingRecorded e, @Timestamp Instant recordedAt) throws JsonProcessingException {
        jdbc.update("""
                INSERT INTO meeting_view (deliberation_id, meeting_id, number, title, starts_at, ends_at, venue,
                                          attendee_ids, materials, occurred_at, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                e.deliberationId(), e.meetingId(), e.number(), e.title(), ts(e.startsAt()), ts(e.endsAt()), e.venue(),
                json.writeValueAsString(e.attendeeIds()), json.writeValueAsString(e.materials()),
                ts(e.occurredAt()), ts(recordedAt));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM meeting_view");
        jdbc.update("DELETE FROM participant_view");
        jdbc.update("DELETE FROM deliberation_view");
    }
}
