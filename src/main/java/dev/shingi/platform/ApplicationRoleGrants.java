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
 * an owner may); reads and writes of the token store, snapshots, directory and views; read-only on Flyway's history.
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
                "GRANT USAGE ON SCHEMA " + s + " TO " + r,
                "GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA " + s + " TO " + r,
                "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + s + " TO " + r,
                // the log: read and append, never change, delete or empty
                "REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON " + s + "." + EVENT_LOG + " FROM " + r,
                "REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON " + s + "." + identifier(flywayTable)
                        + " FROM " + r);
    }

    private static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    @Override
    public String getCallbackName() {
        return "application-role-grants";
    }
}
