package dev.shingi.deliberation.query;

import dev.shingi.deliberation.api.*;
import dev.shingi.deliberation.query.TemporalFoldProperties.Stored;
import dev.shingi.platform.BulkReplay;
import dev.shingi.platform.ShadowTables;
import net.jqwik.api.*;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.time.Instant;
import java.util.*;

import static dev.shingi.deliberation.query.TemporalFoldProperties.SERIALIZER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk rebuild ({@link ViewsBulkRebuild}) writes exactly the rows the projections write event by event: for random
 * histories (TemporalFoldProperties' generator: late entries, corrections, withdrawals, reopenings, revisions), with
 * holes in the log's positions (rolled-back appends), events of other aggregates that are no deliberation's
 * (integrity checkpoints) and the projection's cache dropped at random, every row of every read-model table is the same
 * after a bulk rebuild as after the incremental projection; the token it hands the processor is at the head, with the
 * holes as gaps.
 */
class BulkRebuildEquivalenceProperties {

    static final List<String> TABLES = ViewsConfig.TABLES;

    static JdbcTemplate jdbc;
    static CommentsProjection comments;
    static DeliberationsProjection deliberations;
    static ViewsBulkRebuild bulk;

    @BeforeContainer
    static void database() {
        JdbcDataSource ds = TemporalFoldProperties.migratedInMemory("bulk");
        jdbc = new JdbcTemplate(ds);
        Names names = new Names(jdbc);
        comments = new CommentsProjection(jdbc, TemporalFoldProperties.STORED, names, new LogPosition(jdbc));
        deliberations = new DeliberationsProjection(jdbc, names, new LogPosition(jdbc));
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(ds);
        bulk = new ViewsBulkRebuild(jdbc, TemporalFoldProperties.STORED, SERIALIZER, transactions,
                new ViewsStartupCheck(jdbc), new ShadowTables(jdbc, transactions), comments, names);
    }

    /**
     * ViewsConfig.TABLES is what the bulk rebuild analyzes and the start-up check empties after a crash: it must name
     * every view table the migrations create (the views are the {@code _v} tables and {@code ledger_clock}), or a new
     * one would be left out of both.
     */
    @Example
    void theListOfViewTablesIsEveryViewTableOfTheSchema() {
        List<String> inSchema = jdbc.queryForList("""
                SELECT LOWER(table_name) FROM information_schema.tables
                WHERE table_schema = 'PUBLIC' AND (RIGHT(table_name, 2) = '_V' OR table_name = 'LEDGER_CLOCK')""",
                String.class);
        assertThat(inSchema).containsExactlyInAnyOrderElementsOf(ViewsConfig.TABLES);
    }

    @Provide
    Arbitrary<List<Stored>> histories() {
        return Arbitraries.randoms().map(TemporalFoldProperties.HistoryBuilder::build);
    }

    @Property(tries = 200, shrinking = ShrinkingMode.BOUNDED)
    void aBulkRebuildWritesTheRowsTheProjectionsWrite(@ForAll("histories") List<Stored> histories, @ForAll Random random) {
        comments.reset();
        deliberations.reset();
        jdbc.update("DELETE FROM DomainEventEntry");

        // the log, with holes and checkpoints between the events
        List<GenericEventMessage<DeliberationEvent>> messages = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        Set<Long> holes = new TreeSet<>();
        Map<String, Long> sequences = new HashMap<>();
        long position = 0;
        for (Stored s : histories) {
            DeliberationEvent event = s.event();
            while (random.nextInt(8) == 0) {
                holes.add(++position);
            }
            if (random.nextInt(10) == 0) {
                store(++position, "LedgerCheckpoint", "ledger-checkpoints", sequences, UUID.randomUUID().toString(),
                        new LedgerCheckpointed(position - 1, 1, "digest", Map.of(), s.recordedAt(), null, null, null, null), MetaData.emptyInstance(),
                        s.recordedAt());
            }
            position++;
            String commentId = CommentsProjection.commentIdOf(event);
            String aggregate = commentId != null ? commentId
                    : event instanceof DraftPublished d ? d.deliberationId() + "/v" + d.version()
                    : event instanceof RevisionCommitted r ? r.deliberationId() + "/v" + r.version()
                    : event.deliberationId();
            String type = commentId != null ? "Comment"
                    : event instanceof DraftPublished || event instanceof RevisionCommitted ? "DraftVersion" : "Deliberation";
            MetaData metaData = random.nextInt(5) == 0 ? MetaData.emptyInstance()
                    : MetaData.with("recordedBy", random.nextBoolean() ? "sato" : "clerk-" + random.nextInt(3));
            var message = new GenericEventMessage<>(new GenericMessage<>(UUID.randomUUID().toString(), event, metaData),
                    s::recordedAt);
            store(position, type, aggregate, sequences, message.getIdentifier(), event, metaData, s.recordedAt());
            messages.add(message);
            positions.add(position);
        }
        long head = position;

        // incrementally, as the processor does (the projections' cache dropped now and then, as by a restart)
        for (int i = 0; i < messages.size(); i++) {
            var message = messages.get(i);
            TrackingToken token = new GlobalSequenceTrackingToken(positions.get(i));
            try {
                deliberations.on(message.getPayload(), message, token);
                comments.on(message.getPayload(), message, token);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            if (random.nextInt(4) == 0) {
                comments.forget();
            }
        }
        Map<String, List<String>> incremental = snapshot();

        // online: the copies built up to a cut anywhere in the log, caught up with the rest (in one or two rounds,
        // a comment's events on both sides of a cut), then switched in for the live tables
        long cut = random.nextInt((int) head + 1);
        BulkReplay.Shadow shadow = bulk.build(cut, new BulkReplay.Progress());
        assertThat(snapshot()).as("the live views are not touched").isEqualTo(incremental);
        if (random.nextBoolean()) {
            shadow.catchUp(cut + random.nextInt((int) (head - cut) + 1), new BulkReplay.Progress());
        }
        shadow.catchUp(head, new BulkReplay.Progress());
        TrackingToken token = shadow.switchOver();

        Map<String, List<String>> rebuilt = snapshot();
        for (String table : TABLES) {
            assertThat(rebuilt.get(table)).as(table).containsExactlyElementsOf(incremental.get(table));
        }
        assertThat(token).isEqualTo(GapAwareTrackingToken.newInstance(head, holes));
    }

    private static void store(long position, String type, String aggregate, Map<String, Long> sequences, String eventId,
                              Object payload, MetaData metaData, Instant recordedAt) {
        long sequence = sequences.merge(aggregate, 0L, (a, b) -> a + 1);
        SerializedObject<byte[]> serialized = SERIALIZER.serialize(payload, byte[].class);
        jdbc.update("""
                INSERT INTO DomainEventEntry (globalIndex, aggregateIdentifier, sequenceNumber, type, eventIdentifier,
                    metaData, payload, payloadRevision, payloadType, timeStamp)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", position, aggregate, sequence, type, eventId,
                SERIALIZER.serialize(metaData, byte[].class).getData(), serialized.getData(),
                serialized.getType().getRevision(), serialized.getType().getName(), recordedAt.toString());
    }

    /** Every row of every read-model table, each as its columns' values, sorted. */
    static Map<String, List<String>> snapshot() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : TABLES) {
            List<String> rows = jdbc.query("SELECT * FROM " + table, (rs, i) -> {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                    row.append(rs.getMetaData().getColumnLabel(c).toLowerCase()).append('=').append(rs.getObject(c))
                            .append(c < rs.getMetaData().getColumnCount() ? ", " : "");
                }
                return row.toString();
            });
            Collections.sort(rows);
            tables.put(table, rows);
        }
        return tables;
    }
}
