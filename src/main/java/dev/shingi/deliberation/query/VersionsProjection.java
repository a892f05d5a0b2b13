package dev.shingi.deliberation.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shingi.deliberation.api.DraftPublished;
import dev.shingi.deliberation.api.RevisionCommitted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static dev.shingi.deliberation.query.Sql.ts;

/**
 * Draft versions in order. What each version fulfilled is read from the commitments (their fulfilled version), so a
 * commitment's fulfilment is written in one place only.
 */
@Component
@ProcessingGroup("versions")
class VersionsProjection {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    VersionsProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(DraftPublished e, @Timestamp Instant recordedAt) {
        jdbc.update("""
                INSERT INTO version_view (deliberation_id, version, based_on, title, material_number, page_count, summary,
                    changes, committed_by, illustrative, revision, occurred_at, recorded_at)
                VALUES (?, ?, NULL, ?, ?, ?, NULL, '[]', NULL, FALSE, FALSE, ?, ?)""",
                e.deliberationId(), e.version(), e.title(), e.materialNumber(), e.pageCount(), ts(e.occurredAt()),
                ts(recordedAt));
    }

    @EventHandler
    void on(RevisionCommitted e, @Timestamp Instant recordedAt) throws JsonProcessingException {
        jdbc.update("""
                INSERT INTO version_view (deliberation_id, version, based_on, title, material_number, page_count, summary,
                    changes, committed_by, illustrative, revision, occurred_at, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, ?, ?)""",
                e.deliberationId(), e.version(), e.basedOnVersion(), e.title(), e.materialNumber(), e.pageCount(),
                e.summary(), json.writeValueAsString(e.changes()), e.committedBy(), e.illustrative(),
                ts(e.occurredAt()), ts(recordedAt));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM version_view");
    }
}
