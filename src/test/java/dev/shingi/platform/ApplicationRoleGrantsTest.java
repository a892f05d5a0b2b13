package dev.shingi.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shingi.ShingiApplication;
import dev.shingi.demo.ReferenceDeliberation;
import dev.shingi.testing.Http;
import dev.shingi.testing.Nodes;
import dev.shingi.testing.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shingi on PostgreSQL with two roles (scripts/pg-test-server.sh creates both): Flyway migrates as the owner, the
 * application runs as a role that owns nothing and may only read and append to the event log. The application runs
 * as it does with one role — loads the reference deliberation, answers its views, rebuilds them, verifies the log —
 * while its role's UPDATE, DELETE, TRUNCATE and ALTER of the log are refused by privileges, before the append-only
 * trigger is even reached, and it cannot switch that trigger off.
 */
@Tag("postgres")
@EnabledIfSystemProperty(named = "shingi.test.database", matches = "postgres")
class ApplicationRoleGrantsTest {

    @Test
    void theApplicationRunsAsARoleThatCanOnlyReadAndAppendTheLog() throws Exception {
        assertThat(TestDatabase.ownerUser()).as("the test server has an owner role of its own (SHINGI_DB_OWNER_USER)")
                .isNotEqualTo(System.getenv("SHINGI_DB_USER"));
        Map<String, String> properties = new LinkedHashMap<>(TestDatabase.fresh("app_role"));
        properties.putAll(Http.clerkProperties());
        String schema = properties.get("spring.flyway.schemas");
        try (ConfigurableApplicationContext node = new SpringApplicationBuilder(ShingiApplication.class)
                .profiles(TestDatabase.profiles()).run(Nodes.arguments(properties, "server.port", "0"))) {
            Nodes.awaitCaughtUp(node);
            JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo(System.getenv("SHINGI_DB_USER"));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class))
                    .as("the reference deliberation went in through the command path").isGreaterThan(50);
            Http http = Nodes.http(node);
            Map<String, JsonNode> before = Nodes.readModels(http, ReferenceDeliberation.ID);
            assertThat(before.get("comments").size()).isGreaterThan(10);
            // a rebuild empties every view and refills it from the log: the role's writes to the views
            Nodes.rebuild(node, Duration.ofMinutes(2));
            Nodes.awaitCaughtUp(node);
            assertThat(Nodes.readModels(http, ReferenceDeliberation.ID)).isEqualTo(before);
            Http.Reply checkpoint = http.asAdmin().postOrFail("/api/admin/checkpoints", "{}");
            assertThat(checkpoint.status()).as(checkpoint.raw()).isEqualTo(200);
            Http.Reply verify = http.asAdmin().getOrFail("/api/admin/verify");
            assertThat(verify.status()).as(verify.raw()).isEqualTo(200);
            assertThat(verify.body().get("clean").asBoolean()).as(verify.raw()).isTrue();
            assertThat(verify.body().get("findings")).as(verify.raw()).isEmpty();
        }

        try (Connection app = TestDatabase.asApplication(schema); Statement s = app.createStatement()) {
            assertThat(refusal(s, "UPDATE DomainEventEntry SET payloadType = 'x'"))
                    .isEqualTo("42501 permission denied for table domainevententry");
            assertThat(refusal(s, "DELETE FROM DomainEventEntry"))
                    .isEqualTo("42501 permission denied for table domainevententry");
            assertThat(refusal(s, "TRUNCATE DomainEventEntry"))
                    .isEqualTo("42501 permission denied for table domainevententry");
            assertThat(refusal(s, "ALTER TABLE DomainEventEntry DISABLE TRIGGER domain_event_entry_no_update_or_delete"))
                    .isEqualTo("42501 must be owner of table domainevententry");
            assertThat(refusal(s, "DROP TRIGGER domain_event_entry_no_truncate ON DomainEventEntry"))
                    .isEqualTo("42501 must be owner of relation domainevententry");
            assertThat(refusal(s, "DROP TABLE DomainEventEntry"))
                    .isEqualTo("42501 must be owner of table domainevententry");
            assertThat(refusal(s, "DELETE FROM flyway_schema_history"))
                    .isEqualTo("42501 permission denied for table flyway_schema_history");
            assertThat(privileges(s, "domainevententry")).containsExactly("SELECT", "INSERT");
            assertThat(privileges(s, "flyway_schema_history")).containsExactly("SELECT");
            // the views' copies of an online rebuild are built beside them: the role may create tables of its own
            s.execute("CREATE TABLE shadow (x INT)");
            s.execute("DROP TABLE shadow");
            try (ResultSet owners = s.executeQuery("SELECT tablename, tableowner FROM pg_tables "
                    + "WHERE schemaname = current_schema() ORDER BY tablename")) {
                Map<String, String> found = new LinkedHashMap<>();
                while (owners.next()) {
                    found.put(owners.getString(1), owners.getString(2));
                }
                assertThat(found).as("the log and Flyway's history are the owner role's")
                        .containsEntry("domainevententry", TestDatabase.ownerUser())
                        .containsEntry("flyway_schema_history", TestDatabase.ownerUser());
                assertThat(found).as("every other table (views, tokens, directory) is the application's, so that an "
                                + "online rebuild may switch the views' copies in")
                        .containsEntry("comment_v", System.getenv("SHINGI_DB_USER"))
                        .containsEntry("tokenentry", System.getenv("SHINGI_DB_USER"));
                assertThat(found.values().stream().filter(TestDatabase.ownerUser()::equals).count()).isEqualTo(2);
            }
        }
    }

    private static String refusal(Statement s, String sql) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> s.execute(sql));
        assertThat(t).as(sql).isInstanceOf(SQLException.class);
        SQLException e = (SQLException) t;
        String message = e.getMessage().replaceFirst("^ERROR: ", "").replaceAll("\\R.*", "").replaceAll("\\s+Where:.*", "");
        return e.getSQLState() + " " + message;
    }

    private static List<String> privileges(Statement s, String table) throws SQLException {
        List<String> held = new ArrayList<>();
        for (String privilege : List.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER")) {
            try (ResultSet rs = s.executeQuery("SELECT has_table_privilege(current_user, '" + table + "', '" + privilege + "')")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    held.add(privilege);
                }
            }
        }
        return held;
    }
}
