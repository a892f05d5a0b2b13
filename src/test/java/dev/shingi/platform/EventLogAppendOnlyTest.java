package dev.shingi.platform;

import dev.shingi.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On PostgreSQL the migrations make the event log append-only for everyone, the owner role that migrated the schema
 * included: stored events can be read and added to, never updated, deleted or truncated. (The application's own role
 * is not even granted those: {@link ApplicationRoleGrantsTest}.)
 */
@Tag("postgres")
@EnabledIfSystemProperty(named = "shingi.test.database", matches = "postgres")
class EventLogAppendOnlyTest {

    String schema;

    @BeforeEach
    void migrateAFreshSchemaAndStoreOneEvent() throws SQLException {
        schema = TestDatabase.fresh("append_only").get("spring.flyway.schemas");
        Flyway.configure()
                .dataSource(System.getenv("SHINGI_DB_URL"), TestDatabase.ownerUser(), TestDatabase.ownerPassword())
                .schemas(schema)
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                .load()
                .migrate();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.executeUpdate("""
                    INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData,
                        payload, payloadType, timeStamp)
                    VALUES ('c-1', 0, 'Comment', 'e-1', NULL, '\\x7b7d', 'dev.shingi.deliberation.api.CommentRaised',
                        '2024-06-24T05:10:00Z')""");
        }
    }

    private Connection connect() throws SQLException {
        return TestDatabase.asOwner(schema);
    }

    @Test
    void storedEventsCannotBeUpdated() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE DomainEventEntry SET payload = '\\x5b5d' WHERE eventIdentifier = 'e-1'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("DomainEventEntry is append-only: UPDATE is not allowed");
            assertThat(payload(c)).isEqualTo("{}");
        }
    }

    @Test
    void storedEventsCannotBeDeletedNorTruncated() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM DomainEventEntry"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("DomainEventEntry is append-only: DELETE is not allowed");
            assertThatThrownBy(() -> s.executeUpdate("TRUNCATE DomainEventEntry"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("DomainEventEntry is append-only: TRUNCATE is not allowed");
            assertThat(payload(c)).isEqualTo("{}");
        }
    }

    @Test
    void newEventsAreStillAppendedAndTheRoleRunningTheseStatementsOwnsTheTable() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.executeUpdate("""
                    INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, payload,
                        payloadType, timeStamp)
                    VALUES ('c-1', 1, 'Comment', 'e-2', '\\x7b7d', 'x', '2024-06-24T05:11:00Z')""");
            var rs = s.executeQuery("SELECT COUNT(*), MAX(globalIndex) FROM DomainEventEntry");
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(2);
            assertThat(rs.getLong(2)).isEqualTo(2);
            var owner = s.executeQuery("SELECT tableowner = current_user FROM pg_tables WHERE tablename = 'domainevententry' "
                    + "AND schemaname = current_schema()");
            owner.next();
            assertThat(owner.getBoolean(1)).as("the role running these statements owns the table, and still cannot change events").isTrue();
        }
    }

    private String payload(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT payload FROM DomainEventEntry WHERE eventIdentifier = 'e-1'")) {
            rs.next();
            return new String(rs.getBytes(1), StandardCharsets.UTF_8);
        }
    }
}
