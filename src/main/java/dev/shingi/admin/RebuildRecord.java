package dev.shingi.admin;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The rebuilds of the views as the database keeps them ({@code view_rebuild}): how far each came, and whether one was
 * under way when the node stopped — then it is begun again once the node is ready ({@link Rebuild#resumeInterrupted}),
 * while the live views, never touched by it, go on serving.
 */
@Component
class RebuildRecord {
    private final JdbcTemplate jdbc;

    RebuildRecord(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void started(String group, long total, Instant at) {
        Timestamp now = Timestamp.from(at);
        if (jdbc.update("UPDATE view_rebuild SET state = 'RUNNING', phase = 'BUILDING', events_done = 0, events_total = ?,"
                + " started_at = ?, updated_at = ? WHERE processing_group = ?", total, now, now, group) == 0) {
            jdbc.update("INSERT INTO view_rebuild (processing_group, state, phase, events_done, events_total, started_at,"
                    + " updated_at) VALUES (?, 'RUNNING', 'BUILDING', 0, ?, ?, ?)", group, total, now, now);
        }
    }

    void progress(String group, String phase, long done) {
        jdbc.update("UPDATE view_rebuild SET phase = ?, events_done = ?, updated_at = ? WHERE processing_group = ?"
                + " AND state = 'RUNNING'", phase, done, Timestamp.from(Instant.now()), group);
    }

    void ended(String group, String state) {
        jdbc.update("UPDATE view_rebuild SET state = ?, updated_at = ? WHERE processing_group = ?", state,
                Timestamp.from(Instant.now()), group);
    }

    /** The rebuilds that were under way when the node stopped, as far as they were last recorded. */
    List<Rebuild.Interrupted> cutShort() {
        return jdbc.query("SELECT processing_group, phase, events_done, events_total, started_at, updated_at FROM "
                + "view_rebuild WHERE state = 'RUNNING' ORDER BY processing_group", (rs, i) -> new Rebuild.Interrupted(
                rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant()));
    }
}
