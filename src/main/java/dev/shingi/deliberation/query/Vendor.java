package dev.shingi.deliberation.query;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.util.Locale;

/** Which database the views live on, where H2 and PostgreSQL are asked differently (ADR 007) or kept differently. */
final class Vendor {
    private Vendor() {
    }

    static boolean postgres(JdbcTemplate jdbc) {
        return Boolean.TRUE.equals(jdbc.execute((Connection c) ->
                c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")));
    }
}
