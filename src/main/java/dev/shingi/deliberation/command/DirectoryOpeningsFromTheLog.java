package dev.shingi.deliberation.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shingi.deliberation.api.DeliberationOpened;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;

/**
 * Fills {@code directory_deliberation.opened_at} (V18) for a ledger recorded before it existed, from every stored
 * {@link DeliberationOpened}: its {@code occurredAt} is in every revision of the event, and no event changes it.
 * Spring Boot hands this bean to Flyway as a Java migration.
 */
@Component
class DirectoryOpeningsFromTheLog implements JavaMigration {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("18.1");
    }

    @Override
    public String getDescription() {
        return "directory openings from the log";
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
             PreparedStatement update = context.getConnection().prepareStatement(
                     "UPDATE directory_deliberation SET opened_at = ? WHERE deliberation_id = ?")) {
            read.setString(1, DeliberationOpened.class.getName());
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    JsonNode event = JSON.readTree(rs.getBytes(1));
                    update.setLong(1, Instant.parse(event.path("occurredAt").asText()).toEpochMilli());
                    update.setString(2, event.path("deliberationId").asText());
                    update.addBatch();
                }
            }
            update.executeBatch();
        }
    }
}
