package dev.shingi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Where a test's application stores its ledger: a fresh, empty store of its own on the database the build runs
 * against. {@code ./mvnw verify} runs on H2 (a file in a new temp directory); {@code ./mvnw -Ppostgres verify} sets
 * {@code shingi.test.database=postgres} and {@code spring.profiles.active=postgres}, and every store is then a new
 * schema on the PostgreSQL server named by SHINGI_DB_URL/SHINGI_DB_USER/SHINGI_DB_PASSWORD
 * ({@code scripts/pg-test-server.sh start}). A schema per store keeps contexts that Spring caches, and nodes of
 * other tests, from sharing tables and token claims by accident.
 */
public final class TestDatabase {
    private TestDatabase() {
    }

    public static boolean postgres() {
        return "postgres".equalsIgnoreCase(System.getProperty("shingi.test.database", "h2"));
    }

    public static String name() {
        return postgres() ? "PostgreSQL" : "H2";
    }

    /**
     * The Spring profiles to run with: {@code test} on H2, {@code postgres} and {@code test} on PostgreSQL. The test
     * profile refuses the demo accounts and configures the same names with {@link Http#PASSWORD}
     * (src/test/resources/application-test.yml); surefire sets the same for every {@code @SpringBootTest}.
     */
    public static String[] profiles() {
        return postgres() ? new String[]{"postgres", "test"} : new String[]{"test"};
    }

    /** Spring properties for a new, empty store; {@code label} makes the schema or directory name readable. */
    public static Map<String, String> fresh(String label) {
        Map<String, String> properties = new LinkedHashMap<>();
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        if (postgres()) {
            requireServer();
            String schema = (label + "_" + suffix).toLowerCase().replaceAll("[^a-z0-9_]", "_");
            properties.put("spring.datasource.hikari.schema", schema);
            properties.put("spring.flyway.schemas", schema);
        } else {
            try {
                properties.put("shingi.data-dir", Files.createTempDirectory("shingi-" + label + "-").toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return properties;
    }

    /** A connection to a store's schema as the application's role (SELECT and INSERT only on the event log). */
    public static java.sql.Connection asApplication(String schema) throws java.sql.SQLException {
        return connect(System.getenv("SHINGI_DB_USER"), System.getenv("SHINGI_DB_PASSWORD"), schema);
    }

    /**
     * A connection to a store's schema as the owner role Flyway migrates with (SHINGI_DB_OWNER_USER; the application's
     * role when there is no owner of its own): what a test uses to create a schema, or to tamper with the log as an
     * attacker holding the owner's password would.
     */
    public static java.sql.Connection asOwner(String schema) throws java.sql.SQLException {
        return connect(ownerUser(), ownerPassword(), schema);
    }

    public static String ownerUser() {
        String owner = System.getenv("SHINGI_DB_OWNER_USER");
        return owner == null || owner.isBlank() ? System.getenv("SHINGI_DB_USER") : owner;
    }

    public static String ownerPassword() {
        String owner = System.getenv("SHINGI_DB_OWNER_USER");
        return owner == null || owner.isBlank() ? System.getenv("SHINGI_DB_PASSWORD") : System.getenv("SHINGI_DB_OWNER_PASSWORD");
    }

    private static java.sql.Connection connect(String user, String password, String schema) throws java.sql.SQLException {
        requireServer();
        java.sql.Connection c = java.sql.DriverManager.getConnection(System.getenv("SHINGI_DB_URL"), user, password);
        if (schema != null) {
            c.setSchema(schema);
        }
        return c;
    }

    private static void requireServer() {
        if (System.getenv("SHINGI_DB_URL") == null) {
            throw new IllegalStateException("The postgres test profile needs a server: run "
                    + "`scripts/pg-test-server.sh start` and `. .pg-test-server.env` (or set SHINGI_DB_URL, "
                    + "SHINGI_DB_USER, SHINGI_DB_PASSWORD) before `./mvnw -Ppostgres verify`.");
        }
    }
}
