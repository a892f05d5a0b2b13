package dev.shingi.platform;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * On PostgreSQL with two roles (docs/operations.md, "Two roles"): Flyway migrates as the owner role
 * ({@code spring.flyway.user}), and after every migration this grants the application's role
 * ({@code spring.datasource.username}) what it needs and nothing more — {@code SELECT, INSERT} on the event log, so it
 * can neither change nor delete a stored event, nor {@code ALTER} the table to switch its append-only trigger off (only
 * an owner may); read-only on Flyway's history; every other table (token store, snapshots, directory, views) it owns,
 * so that the online rebuild can build the views' copies and switch them in — for which the owner role must be a member
 * of the application's role ({@code GRANT app TO owner}, as scripts/pg-test-server.sh does).
 * Run after each migration, so a table a later migration adds is granted too. With one role for both (the H2 default,
 * or a PostgreSQL set up that way) there is no one to grant to, and it does nothing.
 */
@Component
class ApplicationRoleGrants implements Callback {
    static final String EVENT_LOG = "domainevententry";

    private final String applicationRole;

    ApplicationRoleGrants(@Value("${spring.datasource.username:}") String applicationRole) {
        this.applicationRole = applicationRole;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection connection = context.getConnection();
        try {
            if (!connection.getMetaData().getDatabaseProductName().equals("PostgreSQL") || applicationRole.isBlank()
                    || applicationRole.equals(connection.getMetaData().getUserName())) {
                return;
            }
            String schema = context.getConfiguration().getDefaultSchema();
            if (schema == null) {
                try (Statement s = connection.createStatement(); var rs = s.executeQuery("SELECT current_schema()")) {
                    rs.next();
                    schema = rs.getString(1);
                }
            }
            try (Statement s = connection.createStatement()) {
                for (String sql : statements(schema, applicationRole, context.getConfiguration().getTable())) {
                    s.execute(sql);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not grant the application's role '" + applicationRole
                    + "' its privileges: " + e.getMessage(), e);
        }
    }

    /** The grants, in order; docs/operations.md prints the same for a DBA who runs them by hand. */
    static List<String> statements(String schema, String role, String flywayTable) {
        String s = identifier(schema);
        String r = identifier(role);
        return List.of(
                // CREATE: the online rebuild builds the views' copies beside them (platform.ShadowTables)
                "GRANT USAGE, CREATE ON SCHEMA " + s + " TO " + r,
                "GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA " + s + " TO " + r,
                "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + s + " TO " + r,
                // the log: read and append, never change, delete or empty
                "REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON " + s + "." + EVENT_LOG + " FROM " + r,
                "REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON " + s + "." + identifier(flywayTable)
                        + " FROM " + r,
                // every other table is the application's own: derived or operational data it already reads, writes
                // and empties, which the online rebuild must also drop and rename when it switches the copies in
                // (only an owner may); the log and Flyway's history stay the owner's
                "DO $$ DECLARE t record; BEGIN FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = "
                        + literal(schema) + " AND tablename NOT IN (" + literal(EVENT_LOG) + ", " + literal(flywayTable)
                        + ") AND tableowner <> " + literal(role) + " LOOP EXECUTE format('ALTER TABLE %I.%I OWNER TO %I', "
                        + literal(schema) + ", t.tablename, " + literal(role) + "); END LOOP; END $$");
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    @Override
    public String getCallbackName() {
        return "application-role-grants";
    }
}
