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
     * The Spring profiles to run with: none on H2; {@code postgres} and {@code test} on PostgreSQL (the tests sign in
     * with the demo accounts, which the postgres profile alone refuses).
     */
    public static String[] profiles() {
        return postgres() ? new String[]{"postgres", "test"} : new String[0];
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

    private static void requireServer() {
        if (System.getenv("SHINGI_DB_URL") == null) {
            throw new IllegalStateException("The postgres test profile needs a server: run "
                    + "`scripts/pg-test-server.sh start` and `. .pg-test-server.env` (or set SHINGI_DB_URL, "
                    + "SHINGI_DB_USER, SHINGI_DB_PASSWORD) before `./mvnw -Ppostgres verify`.");
        }
    }
}
