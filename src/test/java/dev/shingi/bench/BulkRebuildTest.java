package dev.shingi.bench;

import dev.shingi.ShingiApplication;
import dev.shingi.admin.Rebuild;
import dev.shingi.deliberation.api.OpenDeliberation;
import dev.shingi.deliberation.api.ParticipantRegistered;
import dev.shingi.deliberation.api.Role;
import dev.shingi.platform.BulkReplay;
import dev.shingi.platform.Ledger;
import dev.shingi.testing.HeldBulkReplay;
import dev.shingi.testing.Nodes;
import dev.shingi.testing.TestDatabase;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's rebuild ({@link Rebuild}: the views by bulk replay) against what the "views" processor wrote
 * event by event, on the database the build runs against: a generated deliberation of a few thousand events (every
 * kind of event, late entries, corrections; {@link DeliberationGenerator}) on top of the reference deliberation
 * loaded through the command path. Every row of every read-model table must be the same after a rebuild; a command
 * recorded while the rebuild runs, and an event whose position was taken before the rebuild but committed after it
 * (a gap), must end up in the views; a bulk replay cut short is run again.
 */
class BulkRebuildTest {

    static final List<String> TABLES = List.of("ledger_clock", "deliberation_v", "participant_v", "meeting_v",
            "version_v", "comment_v", "response_v", "commitment_v", "timeline_v", "acknowledgement_v", "correction_v");
    static final String D = "bulk-test";

    static ConfigurableApplicationContext app;
    static JdbcTemplate jdbc;
    static Rebuild rebuild;
    static Ledger ledger;

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(ShingiApplication.class, HeldBulkReplay.class)
                .web(WebApplicationType.NONE)
                .profiles(TestDatabase.profiles())
                .run(Nodes.arguments(TestDatabase.fresh("bulk"), "axon.update-check.disabled", "true"));
        jdbc = app.getBean(JdbcTemplate.class);
        rebuild = app.getBean(Rebuild.class);
        ledger = app.getBean(Ledger.class);
        EventStorageEngine engine = app.getBean(EventStorageEngine.class);
        new DeliberationGenerator(D, 4_000, 20261127L).generate(500, engine::appendEvents);
        awaitViews();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aRebuildWritesEveryRowTheProcessorWrote() {
        Map<String, List<String>> incremental = snapshot();
        assertThat(incremental.get("comment_v").size()).as("comment rows").isGreaterThan(1000);
        assertThat(incremental.get("correction_v")).as("corrections").isNotEmpty();

        rebuildAndCatchUp();

        Map<String, List<String>> rebuilt = snapshot();
        for (String table : TABLES) {
            assertThat(rebuilt.get(table)).as(table).containsExactlyElementsOf(incremental.get(table));
        }
        if (TestDatabase.postgres()) {
            // statistics for the refilled tables come with the rebuild, not whenever autovacuum gets to them
            // (PostgreSQL publishes a backend's statistics within about a second)
            Nodes.await("every view analyzed", Duration.ofSeconds(10), () -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM pg_stat_user_tables WHERE schemaname = current_schema() AND relname IN ("
                            + String.join(", ", TABLES.stream().map(t -> "'" + t + "'").toList())
                            + ") AND last_analyze >= now() - interval '2 minutes'", Integer.class) == TABLES.size());
        }
    }

    @Test
    void aCommandRecordedDuringTheRebuildIsInTheViewsAfterIt() throws Exception {
        HeldBulkReplay.arm();
        String late = "during-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            Rebuild.Progress started = rebuild.start();
            assertThat(HeldBulkReplay.awaitHeld()).as("the bulk replay began").isTrue();
            ledger.record(new OpenDeliberation(late, "Opened during a rebuild", null, Instant.now()),
                    MetaData.with("recordedBy", "test"));
            Long position = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                    Long.class, late);
            assertThat(position).as("stored after the head the rebuild replays").isGreaterThan(started.eventsTotal());
        } finally {
            HeldBulkReplay.release();
        }
        awaitRebuild();
        awaitViews();
        assertThat(jdbc.queryForList("SELECT title FROM deliberation_v WHERE deliberation_id = ?", String.class, late))
                .containsExactly("Opened during a rebuild");

        // and what the processor wrote for it is what a rebuild writes
        Map<String, List<String>> before = snapshot();
        rebuildAndCatchUp();
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void anEventCommittedAfterTheRebuildReadItsPositionIsInTheViewsAfterIt() throws Exception {
        Serializer serializer = app.getBean("eventSerializer", Serializer.class);
        DataSource dataSource = app.getBean(DataSource.class);
        String aggregate = "gap-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection open = dataSource.getConnection()) {
            // a transaction takes a position and stays open; an event after it commits
            open.setAutoCommit(false);
            insert(open, serializer, aggregate, 0, "in-flight");
            try (Connection other = dataSource.getConnection()) {
                other.setAutoCommit(true);
                insert(other, serializer, aggregate, 1, "committed");
            }
            awaitViews();
            assertThat(participants(aggregate)).containsExactly("committed");

            rebuildAndCatchUp();
            assertThat(participants(aggregate)).as("the open transaction's event is not seen yet").containsExactly("committed");

            open.commit();
        }
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (participants(aggregate).size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(participants(aggregate)).as("the gap, filled after the rebuild").containsExactly("in-flight", "committed");

        // in the same rows as a rebuild, which now reads it in order, writes
        Map<String, List<String>> before = snapshot();
        rebuildAndCatchUp();
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void whenTheBulkReplayFailsTheViewsStayAsTheyWere() {
        Map<String, List<String>> before = snapshot();
        HeldBulkReplay.fail = true;
        try {
            rebuildAndCatchUp();
        } finally {
            HeldBulkReplay.fail = false;
        }
        assertThat(rebuild.progress().state()).isEqualTo("FAILED");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aBulkReplayCutShortIsStartedAgainWhenTheApplicationIsReady() {
        Map<String, List<String>> before = snapshot();
        // what a process that died during the bulk replay leaves: the views' tokens reset, some of their rows written
        StreamingEventProcessor views = Nodes.processors(app).stream().filter(p -> p.getName().equals("views"))
                .findFirst().orElseThrow();
        views.shutDown();
        views.resetTokens();
        jdbc.update("INSERT INTO ledger_clock (position, recorded_at) VALUES (1, 0)");
        BulkReplay bulk = app.getBean(BulkReplay.class);
        assertThat(bulk.interrupted()).isTrue();
        views.start(); // as on a restart: it stops on the rows already there

        rebuild.resumeInterrupted();
        awaitRebuild();
        awaitViews();
        assertThat(bulk.interrupted()).isFalse();
        assertThat(snapshot()).isEqualTo(before);
    }

    private static List<String> participants(String deliberationId) {
        return jdbc.queryForList("SELECT participant_id FROM participant_v WHERE deliberation_id = ? ORDER BY position",
                String.class, deliberationId);
    }

    /** A participant's registration stored as the event store stores it, on this connection (and its transaction). */
    private static void insert(Connection connection, Serializer serializer, String aggregate, long sequence,
                               String participantId) throws Exception {
        ParticipantRegistered event = new ParticipantRegistered(aggregate, participantId, participantId.toUpperCase(),
                Role.MEMBER, null, null, false, Instant.parse("2024-01-01T00:00:00Z"));
        SerializedObject<byte[]> payload = serializer.serialize(event, byte[].class);
        try (PreparedStatement s = connection.prepareStatement("""
                INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData,
                    payload, payloadRevision, payloadType, timeStamp) VALUES (?, ?, 'Deliberation', ?, ?, ?, ?, ?, ?)""")) {
            s.setString(1, aggregate);
            s.setLong(2, sequence);
            s.setString(3, UUID.randomUUID().toString());
            s.setBytes(4, serializer.serialize(MetaData.with("recordedBy", "test"), byte[].class).getData());
            s.setBytes(5, payload.getData());
            s.setString(6, payload.getType().getRevision());
            s.setString(7, payload.getType().getName());
            s.setString(8, Instant.now().toString());
            s.executeUpdate();
        }
    }

    private static void rebuildAndCatchUp() {
        Nodes.rebuild(app, Duration.ofSeconds(120));
    }

    private static void awaitRebuild() {
        Nodes.await("the rebuild", Duration.ofSeconds(120), () -> "DONE".equals(rebuild.progress().state()));
    }

    private static void awaitViews() {
        Nodes.await("the views to catch up", Duration.ofSeconds(120), () -> ledger.awaitProjections());
    }

    /** Every row of every read-model table, each as its columns' values, sorted. */
    static Map<String, List<String>> snapshot() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : TABLES) {
            List<String> rows = new ArrayList<>(jdbc.query("SELECT * FROM " + table, (rs, i) -> {
                StringBuilder row = new StringBuilder();
                int columns = rs.getMetaData().getColumnCount();
                for (int c = 1; c <= columns; c++) {
                    row.append(rs.getMetaData().getColumnLabel(c).toLowerCase()).append('=').append(rs.getObject(c))
                            .append(c < columns ? ", " : "");
                }
                return row.toString();
            }));
            Collections.sort(rows);
            tables.put(table, rows);
        }
        return tables;
    }
}
