package dev.shingi.deliberation.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shingi.deliberation.api.CommentRaised;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Fills {@code directory_comment} (V16) for a ledger recorded before it existed, from the one source of truth: every
 * stored {@link CommentRaised}. Its deliberation, comment id and reference are in every revision of the event, and
 * corrections never change them. Spring Boot hands this bean to Flyway as a Java migration.
 */
@Component
class DirectoryCommentsFromTheLog implements JavaMigration {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("16.1");
    }

    @Override
    public String getDescription() {
        return "directory comments from the log";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        try (PreparedStatement read = context.getConnection().prepareStatement(
                "SELECT payload FROM DomainEventEntry WHERE payloadType = ? ORDER BY globalIndex");
             PreparedStatement insert = context.getConnection().prepareStatement(
                     "INSERT INTO directory_comment (comment_id, deliberation_id, reference) VALUES (?, ?, ?)")) {
            read.setString(1, CommentRaised.class.getName());
            read.setFetchSize(1_000);
            int batched = 0;
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    JsonNode event = JSON.readTree(rs.getBytes(1));
                    insert.setString(1, event.path("commentId").asText());
                    insert.setString(2, event.path("deliberationId").asText());
                    insert.setString(3, event.path("reference").asText());
                    insert.addBatch();
                    if (++batched % 1_000 == 0) {
                        insert.executeBatch();
                    }
                }
            }
            if (batched % 1_000 != 0) {
                insert.executeBatch();
            }
        }
    }
}
