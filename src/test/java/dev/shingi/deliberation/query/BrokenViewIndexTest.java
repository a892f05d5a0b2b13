package dev.shingi.deliberation.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shingi.ShingiApplication;
import dev.shingi.admin.Rebuild;
import dev.shingi.demo.ReferenceDeliberation;
import dev.shingi.platform.EmbeddedH2;
import dev.shingi.testing.Nodes;
import dev.shingi.testing.TestDatabase;
import org.h2.engine.SessionLocal;
import org.h2.index.Cursor;
import org.h2.index.Index;
import org.h2.jdbc.JdbcConnection;
import org.h2.result.Row;
import org.h2.table.Table;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Embedded H2 can reopen after SIGKILL with a view table's secondary indexes holding an entry for a row the table
 * lost (seen once in CrashSafetyTest): every read through those indexes then times out, a view answering 500 for
 * good. Here the demo's database file is put in exactly that state — one timeline row and one comment row removed from
 * their tables' primary maps only, through H2's own classes — and the application started on it again must find it,
 * empty the views, rebuild them from the log and answer as before.
 */
class BrokenViewIndexTest {

    @Test
    void viewsWhoseIndexesDisagreeWithTheirTablesAreRebuiltAtStartUp() throws Exception {
        assumeFalse(TestDatabase.postgres(), "an embedded H2 file");
        Map<String, String> properties = new LinkedHashMap<>(TestDatabase.fresh("broken-index"));
        properties.put("logging.level.root", "WARN");
        String dir = properties.get("shingi.data-dir");

        Map<String, JsonNode> before;
        try (ConfigurableApplicationContext node = start(properties)) {
            Nodes.awaitCaughtUp(node);
            before = Nodes.readModels(Nodes.http(node), ReferenceDeliberation.ID);
        }
        assertThat(before.get("timeline").size()).as("timeline entries of the demo").isGreaterThan(30);

        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir + "/shingi;LOCK_TIMEOUT=200", "sa", "")) {
            c.setAutoCommit(false);
            dropFromPrimaryOnly(c, "TIMELINE_V");
            dropFromPrimaryOnly(c, "COMMENT_V");
            c.commit();
            assertThat(EmbeddedH2.disagreements(c)).extracting(EmbeddedH2.Disagreement::table)
                    .containsOnly("timeline_v", "comment_v");
            // the state a user would meet: a read through the index finds an entry without a row
            try (PreparedStatement read = c.prepareStatement("SELECT * FROM timeline_v WHERE deliberation_id = ?")) {
                read.setString(1, ReferenceDeliberation.ID);
                assertThatThrownBy(() -> read.executeQuery().next()).isInstanceOf(SQLException.class);
            }
        }

        try (ConfigurableApplicationContext node = start(properties)) {
            Rebuild rebuild = node.getBean(Rebuild.class);
            Nodes.await("the views' rebuild at start-up", Duration.ofSeconds(60),
                    () -> "DONE".equals(rebuild.progress().state()));
            Nodes.awaitCaughtUp(node);
            assertThat(node.getBean(JdbcTemplate.class).execute((ConnectionCallback<List<EmbeddedH2.Disagreement>>)
                    EmbeddedH2::disagreements)).isEmpty();
            Map<String, JsonNode> after = Nodes.readModels(Nodes.http(node), ReferenceDeliberation.ID);
            for (String view : before.keySet()) {
                assertThat(after.get(view)).as("%s after the repair", view).isEqualTo(before.get(view));
            }
        }
    }

    private static ConfigurableApplicationContext start(Map<String, String> properties) {
        return new SpringApplicationBuilder(ShingiApplication.class)
                .profiles(TestDatabase.profiles())
                .run(Nodes.arguments(properties, "server.port", "0"));
    }

    /** Removes the table's first row from its primary map and from nowhere else, as the crash left timeline_v. */
    private static void dropFromPrimaryOnly(Connection c, String tableName) throws SQLException {
        SessionLocal session = (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
        Table table = session.getDatabase().getMainSchema().findTableOrView(session, tableName);
        Index primary = table.getScanIndex(session);
        Cursor cursor = primary.find(session, null, null, false);
        assertThat(cursor.next()).as("%s has rows", tableName).isTrue();
        Row row = cursor.get();
        primary.remove(session, row);
    }
}
