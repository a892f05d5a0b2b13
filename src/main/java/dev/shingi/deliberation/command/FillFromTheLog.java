package dev.shingi.deliberation.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A Java migration that fills a new column or table of the write side's directory for a ledger recorded before it
 * existed, from the one source of truth: every stored event of one type, in log order, one statement each. Spring
 * Boot hands each such bean to Flyway.
 */
abstract class FillFromTheLog implements JavaMigration {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 1_000;

    private final String version;
    private final String description;
    private final Class<?> eventType;
    private final String statement;

    FillFromTheLog(String version, String description, Class<?> eventType, String statement) {
        this.version = version;
        this.description = description;
        this.eventType = eventType;
        this.statement = statement;
    }

    /** Sets {@link #statement}'s parameters for one stored event (its payload as JSON). */
    abstract void bind(JsonNode event, PreparedStatement write) throws SQLException;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(version);
    }

    @Override
    public String getDescription() {
        return description;
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
             PreparedStatement write = context.getConnection().prepareStatement(statement)) {
            read.setString(1, eventType.getName());
            read.setFetchSize(BATCH);
            int batched = 0;
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    bind(JSON.readTree(rs.getBytes(1)), write);
                    write.addBatch();
                    if (++batched % BATCH == 0) {
                        write.executeBatch();
                    }
                }
            }
            if (batched % BATCH != 0) {
                write.executeBatch();
            }
        }
    }
}
