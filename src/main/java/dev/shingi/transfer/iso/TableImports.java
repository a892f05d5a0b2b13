package dev.shingi.transfer.iso;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The record of the comment tables imported (table {@code table_import}, V21): by the file's SHA-256, so that the same
 * file again is refused naming the import that brought it. The comments themselves are events; this is the
 * importer's own note, like the idempotency keys, and a re-import is also recognised by the comments' source.item.
 */
@Component
class TableImports {
    record Earlier(String importId, String fileName, int version, String importedBy, Instant importedAt, int comments,
                   int responses) {
    }

    private final JdbcTemplate jdbc;

    TableImports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Earlier> find(String deliberationId, String sha256) {
        List<Earlier> found = jdbc.query("SELECT * FROM table_import WHERE deliberation_id = ? AND sha256 = ?",
                (rs, i) -> new Earlier(rs.getString("import_id"), rs.getString("file_name"), rs.getInt("draft_version"),
                        rs.getString("imported_by"), rs.getTimestamp("imported_at").toInstant(), rs.getInt("comments"),
                        rs.getInt("responses")), deliberationId, sha256);
        return found.stream().findFirst();
    }

    void remember(String importId, String deliberationId, String sha256, String fileName, int version, String by,
                  Instant at, int comments, int responses) {
        jdbc.update("INSERT INTO table_import (import_id, deliberation_id, sha256, file_name, draft_version, imported_by, "
                        + "imported_at, comments, responses) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", importId, deliberationId,
                sha256, fileName, version, by, Timestamp.from(at), comments, responses);
    }
}
