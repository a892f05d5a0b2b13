package dev.shingi.deliberation.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.shingi.deliberation.api.Aggregates;
import dev.shingi.deliberation.api.DeliberationEvent;
import dev.shingi.deliberation.api.ParticipantRegistered;
import dev.shingi.platform.BulkReplay;
import dev.shingi.platform.ShadowTables;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Set;
import java.util.LinkedHashSet;
import java.util.Iterator;
import java.util.Collections;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongPredicate;

import static dev.shingi.deliberation.query.Temporal.millis;

/**
 * Rebuilds every table of the "views" group straight from {@code DomainEventEntry}, with plain JDBC, producing exactly
 * the rows {@link DeliberationsProjection} and {@link CommentsProjection} write event by event (tested:
 * BulkRebuildEquivalenceProperties, BulkRebuildTest), faster than Axon's replay through them (about twice on H2,
 * where inserting into the tables' indexes and committing is most of the cost; docs/benchmarks.md):
 * <ol>
 * <li><b>Pass 1, in log order</b>, pages of {@value #PAGE} positions: a {@code ledger_clock} row for every event and
 * {@link DeliberationsProjection#write}'s rows for the events that are not about one comment (for those it writes only
 * the clock), sent in JDBC batches. Comment events are not even deserialized here; their comments' ids are noted in
 * the order the log first mentions them (memory: one id per comment).</li>
 * <li><b>Pass 2, comment by comment</b>, in that order (so that the rows of comments raised at about the same time
 * lie together, as an as-of query wants them): each chunk of {@value #COMMENTS_PER_QUERY} comments' events through
 * the unique index on (aggregateIdentifier, sequenceNumber), no sort of the whole log. Each comment's events go
 * one at a time, in log order, through {@link CommentsProjection#apply}, the step
 * the projection itself takes, into {@link CommentsProjection.Writes} that close rows in memory: every row is inserted
 * once, with its final {@code known_to} and {@code kn_node}; nothing is updated.</li>
 * </ol>
 * Participants' names in timeline sentences are those the projection would have had at each event: a name registered
 * at position p shows for events after p.
 * <p>
 * <b>Which events, and the token.</b> The head is read before the rebuild; then, in one statement, the positions in
 * the last {@value #GAP_WINDOW} before it that are committed. A position in that window that is missing (a
 * transaction still in flight, or one that rolled back) is left out of both passes and becomes a gap of the returned
 * {@link GapAwareTrackingToken}: if it is committed later, the processor handles it like any gap, event by event.
 * Older missing positions are treated as Axon's event store treats gaps further back than its {@code maxGapOffset}
 * (10,000 by default): never filled. Reading the window in one statement keeps a comment's events together: a step of a
 * comment is appended only after the previous one committed, so no step is in the window while an earlier one is
 * missing. Every comment event pass 1 counted must be folded in pass 2, or the rebuild fails rather than leave a
 * comment short.
 */
@Component
class ViewsBulkRebuild implements BulkReplay {
    private static final Logger log = LoggerFactory.getLogger(ViewsBulkRebuild.class);

    /** Log positions (pass 1) or events (pass 2) read per query, and written per commit. */
    static final int PAGE = 10_000;
    /** Rows gathered before they are sent to the database, in one JDBC batch per statement. */
    static final int BATCH_ROWS = 5_000;
    /** How far back from the head positions not yet committed are kept as gaps (Axon's default maxGapOffset). */
    static final int GAP_WINDOW = 10_000;
    /** Comments whose events pass 2 asks for in one statement. */
    private static final int COMMENTS_PER_QUERY = 500;

    final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final StoredEventRow stored;
    private final TransactionTemplate tx;
    private final Serializer tokenSerializer;
    private final ViewsStartupCheck startupCheck;
    final ShadowTables shadows;
    final CommentsProjection comments;
    final Names projectionNames;

    ViewsBulkRebuild(JdbcTemplate jdbc, StoredEventRow stored, Serializer tokenSerializer,
                     PlatformTransactionManager transactions, ViewsStartupCheck startupCheck, ShadowTables shadows,
                     CommentsProjection comments, Names projectionNames) {
        this.shadows = shadows;
        this.comments = comments;
        this.projectionNames = projectionNames;
        this.startupCheck = startupCheck;
        this.tokenSerializer = tokenSerializer;
        this.jdbc = jdbc;
        this.dataSource = jdbc.getDataSource();
        this.stored = stored;
        this.tx = new TransactionTemplate(transactions);
    }

    @Override
    public String processingGroup() {
        return ViewsConfig.PROCESSING_GROUP;
    }

    /**
     * The views' tokens are stored (JdbcTokenStore) with the application's general serializer. A reset that Axon has
     * not replayed from yet is no token at all, or a {@link ReplayToken} whose current token is before the first
     * stored event (the tail token): either way the processor starts at the first event, which must then find the
     * tables empty. Also true when this start found the views' tables broken and emptied them
     * ({@link ViewsStartupCheck}), until a bulk replay starts.
     */
    @Override
    public boolean interrupted() {
        if (startupCheck.rebuildPending()) {
            return true;
        }
        Long first = jdbc.queryForObject("SELECT MIN(globalIndex) FROM DomainEventEntry", Long.class);
        if (first == null) {
            return false;
        }
        List<Boolean> atTheStart = jdbc.query("SELECT token, tokenType FROM TokenEntry WHERE processorName = ?",
                (rs, i) -> {
                    byte[] token = rs.getBytes("token");
                    String type = rs.getString("tokenType");
                    if (token == null || type == null) {
                        return true;
                    }
                    Object stored = tokenSerializer.deserialize(
                            new SimpleSerializedObject<>(token, byte[].class, type, null));
                    return stored instanceof ReplayToken replay && (replay.getCurrentToken() == null
                            || replay.getCurrentToken().position().orElse(-1) < first);
                }, processingGroup());
        return !atTheStart.isEmpty() && !atTheStart.contains(false) && Boolean.TRUE.equals(
                jdbc.query("SELECT position FROM ledger_clock FETCH FIRST 1 ROWS ONLY", ResultSet::next));
    }

    /** A participant's name, and the position it was registered at. */
    record Named(String name, long position) {
    }

    /**
     * The copies of the views' tables ({@link ShadowTables}), created empty, filled by both passes up to {@code head},
     * then given the live tables' indexes and constraints; the live tables are not touched, and their processor goes
     * on with them meanwhile.
     */
    @Override
    public Shadow build(long head, Progress progress) {
        startupCheck.rebuildStarted();
        shadows.create(ViewsConfig.TABLES);
        try {
            long windowFrom = Math.max(0, head - GAP_WINDOW);
            java.util.TreeSet<Long> gaps = new java.util.TreeSet<>();
            if (head > 0) {
                BitSet window = new BitSet((int) (head - windowFrom) + 1);
                jdbc.query("SELECT globalIndex FROM DomainEventEntry WHERE globalIndex > ? AND globalIndex <= ?",
                        rs -> {
                            window.set((int) (rs.getLong(1) - windowFrom));
                        }, windowFrom, head);
                for (long p = windowFrom + 1; p <= head; p++) {
                    if (!window.get((int) (p - windowFrom))) {
                        gaps.add(p);
                    }
                }
            }
            progress.planned.set(head);
            Map<String, Named> names = new HashMap<>();
            BulkRows writers = new BulkRows(dataSource, tx, true);
            long t0 = System.nanoTime();
            long commentEvents = head <= 0 ? 0
                    : rows(head, p -> p >= 1 && p <= head && !gaps.contains(p), progress, writers, names);
            long t1 = System.nanoTime();
            shadows.index(ViewsConfig.TABLES);
            long t2 = System.nanoTime();
            analyze();
            log.info("Bulk rebuild of the views up to position {}: {} comment events, rows {} ms, indexes {} ms, "
                            + "statistics {} ms; {} gap(s); rows {}", head, commentEvents, (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000, gaps.size(), writers.written());
            return new ViewsShadow(this, head, gaps, names, writers);
        } catch (RuntimeException e) {
            shadows.drop(ViewsConfig.TABLES);
            throw e;
        }
    }

    /**
     * Every view row the events up to {@code head} give, to {@code writers} (the tables, or a check's collector,
     * {@link ViewsRecompute}), without touching the views' tokens; returns how many comment events were folded.
     */
    long rows(long head, LongPredicate included, Progress progress, BulkRows writers) {
        return rows(head, included, progress, writers, new HashMap<>());
    }

    /** {@link #rows}, noting the participants' names met in {@code names}. */
    long rows(long head, LongPredicate included, Progress progress, BulkRows writers, Map<String, Named> names) {
        Set<String> commentIds = new LinkedHashSet<>();
        long commentEvents = pass1(head, included, names, commentIds, progress, writers);
        progress.planned.set(head + commentEvents);
        long folded = pass2(commentIds, included, names, progress, writers);
        if (folded != commentEvents) {
            throw new IllegalStateException("The log holds " + commentEvents + " comment events up to position " + head
                    + ", but " + folded + " were found by comment: the rebuild is incomplete");
        }
        return commentEvents;
    }

    /**
     * PostgreSQL: fresh planner statistics for the tables just emptied and filled again, as its manual advises after
     * a bulk load ("Populating a Database": run ANALYZE afterwards), rather than whenever autovacuum gets to them —
     * until then the first queries after a rebuild are planned on what the tables held before. Sampled, so seconds
     * even at 1M events. The dead rows of the emptied tables are left to autovacuum. H2 analyzes a table by itself
     * once it has changed by a few thousand rows.
     */
    private void analyze() {
        if (Vendor.postgres(jdbc)) {
            for (String table : ViewsConfig.TABLES) {
                jdbc.execute("ANALYZE " + ShadowTables.shadow(table));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Pass 1: the log in order

    private long pass1(long head, LongPredicate included, Map<String, Named> names, Set<String> commentIds,
                       Progress progress, BulkRows writers) {
        long[] comments = {0};
        BulkRows.Batch batch = writers.new Batch();
        for (long from = 0; from < head; from += PAGE) {
            long lo = from;
            long hi = Math.min(head, from + PAGE);
            jdbc.query("""
                    SELECT globalIndex, type, aggregateIdentifier, sequenceNumber, eventIdentifier, timeStamp,
                           payloadType, payloadRevision,
                           CASE WHEN type = '%1$s' THEN NULL ELSE metaData END AS metaData,
                           CASE WHEN type = '%1$s' THEN NULL ELSE payload END AS payload
                    FROM DomainEventEntry WHERE globalIndex > ? AND globalIndex <= ? ORDER BY globalIndex"""
                            .formatted(Aggregates.COMMENT),
                    rs -> {
                        long position = rs.getLong(1);
                        if (!included.test(position)) {
                            return;
                        }
                        long recordedAt = millis(Instant.parse(rs.getString("timeStamp")));
                        if (Aggregates.COMMENT.equals(rs.getString("type"))) {
                            batch.insert(DeliberationsProjection.LEDGER_CLOCK, position, recordedAt);
                            commentIds.add(rs.getString("aggregateIdentifier"));
                            comments[0]++;
                        } else {
                            deliberationEvent(rs, position, recordedAt, names, batch);
                        }
                        if (batch.rows() >= BATCH_ROWS) {
                            batch.flush();
                        }
                        }, lo, hi);
            batch.flush();
            progress.done.set(hi);
            progress.planned.set(head + comments[0] * head / hi); // pass 2's share, as far as pass 1 can tell
        }
        return comments[0];
    }

    /** An event not about one comment: {@link DeliberationsProjection#write}'s rows for it, into the batch. */
    void deliberationEvent(ResultSet rs, long position, long recordedAt, Map<String, Named> names,
                                   BulkRows.Batch batch) throws SQLException {
        DomainEventMessage<?> message = stored.message(rs);
        if (!(message.getPayload() instanceof DeliberationEvent event)) {
            return; // not a deliberation's event (integrity checkpoints): the views ignore it
        }
        if (CommentsProjection.COMMENT_EVENTS.contains(event.getClass())) {
            throw new IllegalStateException("Event " + position + " (" + event.getClass().getSimpleName()
                    + ") is about a comment but not stored by a Comment aggregate");
        }
        try {
            DeliberationsProjection.write(event, position, recordedAt, message.getIdentifier(),
                    StoredEventRow.recordedBy(message), nameOf(names, event.deliberationId(), position), batch);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (event instanceof ParticipantRegistered p) {
            names.putIfAbsent(p.deliberationId() + '\u0000' + p.participantId(), new Named(p.name(), position));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Pass 2: comment by comment

    /** A stored comment event, deserialized. */
    private record Stored(String commentId, long sequence, CommentHistory.Entry entry) {
    }

    /**
     * The comments in the order pass 1 first met them (the order they were raised in, as the log has it), in chunks of
     * {@value #COMMENTS_PER_QUERY}: each chunk's events through the unique index on (aggregateIdentifier,
     * sequenceNumber), then each comment folded in that order. The rows of comments raised at about the same time are
     * then written next to each other, as event-by-event processing writes them, and an as-of query reads few pages
     * (in aggregate-id order, the rows open at an instant were scattered over the whole table: at 1M events each
     * query read ~11 MB of pages).
     */
    long pass2(java.util.Collection<String> commentIds, LongPredicate included, Map<String, Named> names, Progress progress,
                       BulkRows writers) {
        long folded = 0;
        List<String> chunk = new ArrayList<>(COMMENTS_PER_QUERY);
        Iterator<String> ids = commentIds.iterator();
        while (ids.hasNext()) {
            chunk.clear();
            while (ids.hasNext() && chunk.size() < COMMENTS_PER_QUERY) {
                chunk.add(ids.next());
            }
            Map<String, List<Stored>> byComment = new HashMap<>();
            int[] events = {0};
            jdbc.query("""
                    SELECT globalIndex, type, aggregateIdentifier, sequenceNumber, eventIdentifier, timeStamp, metaData,
                           payload, payloadType, payloadRevision
                    FROM DomainEventEntry WHERE aggregateIdentifier IN (%s)
                    ORDER BY aggregateIdentifier, sequenceNumber""".formatted(
                            String.join(", ", Collections.nCopies(chunk.size(), "?"))),
                    (ResultSet rs) -> {
                        Stored stored = stored(rs);
                        byComment.computeIfAbsent(stored.commentId(), k -> new ArrayList<>()).add(stored);
                        events[0]++;
                    }, chunk.toArray());
            CommentsProjection.Writes writes = new CommentsProjection.Writes(null);
            for (String commentId : chunk) {
                folded += fold(commentId, byComment.getOrDefault(commentId, new ArrayList<>()), included, names,
                        writes);
                if (writes.rows() >= BATCH_ROWS) {
                    writers.write(writes);
                }
            }
            writers.write(writes);
            progress.done.addAndGet(events[0]);
        }
        return folded;
    }

    /** One comment's events through the projection's own step, in log order; returns how many it applied. */
    private int fold(String commentId, List<Stored> stored, LongPredicate included, Map<String, Named> names,
                     CommentsProjection.Writes writes) {
        stored.sort(Comparator.comparingLong(s -> s.entry().position()));
        CommentsProjection.Known known = CommentsProjection.Known.NONE;
        int applied = 0;
        for (Stored s : stored) {
            CommentHistory.Entry entry = s.entry();
            if (!included.test(entry.position())) {
                continue; // committed after the rebuild began: the processor's (a gap)
            }
            DeliberationEvent event = entry.event();
            if (!commentId.equals(CommentsProjection.commentIdOf(event))) {
                throw new IllegalStateException("Event " + entry.position() + " of comment aggregate " + commentId
                        + " is " + event.getClass().getSimpleName() + " about " + CommentsProjection.commentIdOf(event));
            }
            known = CommentsProjection.apply(known, entry, nameOf(names, event.deliberationId(), entry.position()),
                    writes);
            if (known == null) {
                throw new IllegalStateException("Position " + entry.position() + " twice in comment " + commentId);
            }
            applied++;
        }
        return applied;
    }

    private Stored stored(ResultSet rs) throws SQLException {
        return new Stored(rs.getString("aggregateIdentifier"), rs.getLong("sequenceNumber"),
                stored.entry(rs));
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Names as the projection saw them right before the event at {@code position}: those registered before it. */
    static Function<String, String> nameOf(Map<String, Named> names, String deliberationId, long position) {
        return participantId -> {
            Named named = names.get(deliberationId + '\u0000' + participantId);
            return named != null && named.position() < position ? named.name() : participantId;
        };
    }
}
