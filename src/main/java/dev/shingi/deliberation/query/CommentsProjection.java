package dev.shingi.deliberation.query;

import dev.shingi.deliberation.api.*;
import dev.shingi.platform.RecordingMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static dev.shingi.deliberation.query.Temporal.FOREVER;
import static dev.shingi.deliberation.query.Temporal.millis;

/**
 * Comments, responses, commitments and their timeline entries, on both clocks. For every event of a comment the
 * projection recomputes the comment's rows ({@link CommentHistory}) with and without the event, and writes only the
 * difference: rows that no longer hold are closed on the knowledge clock at the event's log position, new rows open
 * there. Acknowledgements and corrections are also kept as plain rows for the thread.
 */
@Component
@ProcessingGroup(ViewsConfig.PROCESSING_GROUP)
class CommentsProjection {

    private static final int CACHE_SIZE = 20_000;
    private static final String PENDING = CommentsProjection.class.getName() + ".pending";

    private final JdbcTemplate jdbc;
    private final StoredEventRow stored;
    /**
     * Recently touched comments: their events and their current rows, so that neither live processing nor a rebuild
     * reads a comment's history back from the log or recomputes its rows before each event.
     */
    private final Map<String, Known> cache = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
                    return size() > CACHE_SIZE;
                }
            });
    private final Names names;
    private final LogPosition logPosition;

    CommentsProjection(JdbcTemplate jdbc, StoredEventRow stored, Names names, LogPosition logPosition) {
        this.jdbc = jdbc;
        this.stored = stored;
        this.names = names;
        this.logPosition = logPosition;
    }

    /**
     * A comment as the projection last wrote it: its events and its current rows, each with the log position it has
     * been known since (null when recomputed from the log: looked up if needed).
     */
    record Known(List<CommentHistory.Entry> entries, Map<CommentHistory.Row, Long> rows) {
        static final Known NONE = new Known(List.of(), Map.of());
    }

    @EventHandler
    void on(DeliberationEvent event, EventMessage<?> message, TrackingToken token) {
        String commentId = commentIdOf(event);
        if (commentId == null) {
            return;
        }
        Writes writes = writes();
        long position = logPosition.of(message, token);
        Object recordedBy = message.getMetaData().get(RecordingMetadata.RECORDED_BY);
        CommentHistory.Entry entry = new CommentHistory.Entry(position, message.getIdentifier(),
                millis(message.getTimestamp()), recordedBy == null ? null : recordedBy.toString(), event);

        Known known = load(commentId, position, writes);
        Known next = apply(known, entry, names.of(event.deliberationId()), writes);
        if (next == null) {
            return; // already applied (a replayed batch)
        }
        writes.touched.put(commentId, next);
        cache.put(commentId, next);
        if (!CurrentUnitOfWork.isStarted()) {
            writes.flush();
        }
    }

    /**
     * One event of a comment, as both this projection and the bulk rebuild ({@link ViewsBulkRebuild}) apply it: the
     * comment's rows ({@link CommentHistory}) for what is known with the event are compared with {@code known}, its
     * rows before it; rows that no longer hold are closed at the event's position, new ones inserted there, and an
     * acknowledgement or a correction gets its own rows. Returns the comment as it is after the event, or null when
     * {@code known} already has an event at that position (nothing is written then).
     *
     * @param nameOf participants' display names as the ledger knew them right before the event
     */
    static Known apply(Known known, CommentHistory.Entry entry, Function<String, String> nameOf, Writes writes) {
        DeliberationEvent event = entry.event();
        String commentId = commentIdOf(event);
        long position = entry.position();
        List<CommentHistory.Entry> before = known.entries();
        for (CommentHistory.Entry e : before) {
            if (e.position() == position) {
                return null;
            }
        }
        List<CommentHistory.Entry> after = new ArrayList<>(before.size() + 1);
        after.addAll(before);
        after.add(entry);

        if (event instanceof ResponseAcknowledged a) {
            writes.add("""
                    INSERT INTO acknowledgement_v (event_id, comment_id, response_id, participant_id, satisfied, note,
                                                   occurred_at, position, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    entry.eventId(), commentId, a.responseId(), a.participantId(), a.satisfied(), a.note(),
                    millis(a.occurredAt()), position, entry.recordedAt());
        }
        if (event instanceof RecordCorrected c) {
            CorrectedComment.of(before).changes(c).forEach((field, values) -> writes.add("""
                    INSERT INTO correction_v (event_id, field, comment_id, response_id, corrected_by, reason, old_value,
                                              new_value, occurred_at, position, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    entry.eventId(), field, commentId, c.responseId(), c.correctedBy(), c.reason(), values[0], values[1],
                    millis(c.occurredAt()), position, entry.recordedAt()));
        }

        List<CommentHistory.Row> now = new CommentHistory(after, nameOf).rows();
        Set<CommentHistory.Row> kept = new HashSet<>(now);
        known.rows().forEach((row, since) -> {
            if (!kept.contains(row)) {
                writes.close(row, since, position);
            }
        });
        Map<CommentHistory.Row, Long> current = new HashMap<>();
        for (CommentHistory.Row row : now) {
            Long since = known.rows().get(row);
            if (since != null || known.rows().containsKey(row)) {
                current.put(row, since);
            } else {
                writes.insert(row, position);
                current.put(row, position);
            }
        }
        return new Known(List.copyOf(after), current);
    }

    private Known load(String commentId, long position, Writes writes) {
        Known known = writes.touched.get(commentId);
        if (known == null) {
            known = cache.get(commentId);
        }
        if (known != null) {
            return known;
        }
        // Not at hand (a restart, or evicted): the comment's earlier events are in the log. Within one aggregate, log
        // order is sequence order (a step is appended only after the previous one committed), so "before this event"
        // is "a lower position".
        List<CommentHistory.Entry> entries = jdbc.query("""
                SELECT type, aggregateIdentifier, sequenceNumber, globalIndex, eventIdentifier, timeStamp, metaData,
                       payload, payloadType, payloadRevision
                FROM DomainEventEntry WHERE aggregateIdentifier = ? AND globalIndex < ? ORDER BY sequenceNumber""",
                (rs, i) -> stored.entry(rs), commentId, position);
        if (entries.isEmpty()) {
            return Known.NONE;
        }
        var nameOf = names.of(entries.get(0).event().deliberationId());
        Map<CommentHistory.Row, Long> rows = new HashMap<>();
        new CommentHistory(entries, nameOf).rows().forEach(row -> rows.put(row, null));
        return new Known(List.copyOf(entries), rows);
    }

    /** This unit of work's writes, sent in JDBC batches just before it commits. */
    private Writes writes() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new Writes(jdbc);
        }
        UnitOfWork<?> uow = CurrentUnitOfWork.get();
        return uow.root().getOrComputeResource(PENDING, k -> {
            Writes writes = new Writes(jdbc);
            uow.root().onPrepareCommit(u -> writes.flush());
            // a failed batch is retried from the stored token: forget what this attempt cached
            uow.root().onRollback(u -> cache.clear());
            return writes;
        });
    }

    /**
     * Inserts and closings of one unit of work, in the order the store needs them: rows that were already stored are
     * closed first (so that the closing cannot touch a new row with the same key and start), then the new rows are
     * inserted; a row both inserted and closed within the unit of work is inserted closed.
     * <p>
     * Without a {@link JdbcTemplate} (the bulk rebuild) every row closed must have been inserted by these writes: each
     * row is then inserted once, with its final {@code known_to} and {@code kn_node}, and nothing is updated.
     */
    static final class Writes {
        private final JdbcTemplate jdbc;
        final Map<String, List<Object[]>> inserts = new LinkedHashMap<>();
        final Map<String, List<Object[]>> closings = new LinkedHashMap<>();
        /** New rows still open, by table, key and start: where to close them. */
        final Map<List<Object>, Object[]> open = new HashMap<>();
        /** Comments this unit of work changed, as they will be once it commits. */
        final Map<String, Known> touched = new LinkedHashMap<>();
        private int rows;

        Writes(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        /** Rows to be inserted so far. */
        int rows() {
            return rows;
        }

        void add(String sql, Object... args) {
            inserts.computeIfAbsent(sql, k -> new ArrayList<>()).add(args);
            rows++;
        }

        void insert(CommentHistory.Row row, long position) {
            Map<String, Object> columns = row.columns();
            boolean byKnowledge = filedByKnowledge(row);
            String sql = insertSql(row.table(), columns, byKnowledge);
            Object[] args = new Object[columns.size() + (byKnowledge ? 6 : 5)];
            int i = 0;
            for (Object value : columns.values()) {
                args[i++] = value;
            }
            if (byKnowledge) {
                args[i++] = Temporal.knowledgeNode(row.validTo(), position, FOREVER);
            }
            args[i++] = row.key();
            args[i++] = row.validFrom();
            args[i++] = row.validTo();
            args[i++] = position;
            args[i] = FOREVER;
            add(sql, args);
            open.put(List.of(row.table(), row.key(), row.validFrom()), args);
        }

        /** Statements by table and columns, so that rows of one table share one (and it is built once). */
        private static final Map<List<String>, String> STATEMENTS = new java.util.concurrent.ConcurrentHashMap<>();

        private static String insertSql(String table, Map<String, Object> columns, boolean byKnowledge) {
            List<String> key = new ArrayList<>(columns.size() + 1);
            key.add(table);
            key.addAll(columns.keySet());
            return STATEMENTS.computeIfAbsent(key, k -> {
                List<String> names = new ArrayList<>(columns.keySet());
                if (byKnowledge) {
                    names.add("kn_node");
                }
                names.addAll(List.of("row_key", "valid_from", "valid_to", "known_from", "known_to"));
                return "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                        + String.join(", ", Collections.nCopies(names.size(), "?")) + ")";
            });
        }

        /** Closes a current row on the knowledge clock; {@code since} is its known_from, null when not at hand. */
        void close(CommentHistory.Row row, Long since, long position) {
            Object[] pending = open.remove(List.of(row.table(), row.key(), row.validFrom()));
            if (pending != null) {
                pending[pending.length - 1] = position; // known_to
                if (filedByKnowledge(row)) {
                    pending[pending.length - 6] = Temporal.knowledgeNode(row.validTo(),
                            (Long) pending[pending.length - 2], position); // kn_node, from known_from
                }
                return;
            }
            if (jdbc == null) {
                throw new IllegalStateException("Closing " + row.table() + " " + row.key() + " from " + row.validFrom()
                        + " at " + position + ": not among the rows these writes inserted");
            }
            if (!filedByKnowledge(row)) {
                closings.computeIfAbsent("UPDATE " + row.table()
                                + " SET known_to = ? WHERE row_key = ? AND valid_from = ? AND known_to = ?",
                        k -> new ArrayList<>()).add(new Object[]{position, row.key(), row.validFrom(), FOREVER});
                return;
            }
            long knownFrom = since != null ? since : jdbc.queryForObject("SELECT known_from FROM " + row.table()
                            + " WHERE row_key = ? AND valid_from = ? AND known_to = ?", Long.class,
                    row.key(), row.validFrom(), FOREVER);
            closings.computeIfAbsent("UPDATE " + row.table()
                            + " SET known_to = ?, kn_node = ? WHERE row_key = ? AND valid_from = ? AND known_to = ?",
                    k -> new ArrayList<>()).add(new Object[]{position,
                    Temporal.knowledgeNode(row.validTo(), knownFrom, position), row.key(), row.validFrom(), FOREVER});
        }

        /** comment_v and commitment_v, the tables "outstanding" stabs, are filed in the interval trees. */
        private static boolean filedByKnowledge(CommentHistory.Row row) {
            return row.columns().containsKey("ri_node");
        }

        void flush() {
            flush(jdbc::batchUpdate);
        }

        /** Sends the closings, then the inserts, each statement with all its rows: {@code to} runs one batch. */
        void flush(java.util.function.BiConsumer<String, List<Object[]>> to) {
            closings.forEach(to);
            inserts.forEach(to);
            closings.clear();
            inserts.clear();
            open.clear();
            touched.clear();
            rows = 0;
        }
    }

    /** The events about one comment: those {@link #commentIdOf} names a comment for, stored by the Comment aggregate. */
    static final Set<Class<? extends DeliberationEvent>> COMMENT_EVENTS = Set.of(CommentRaised.class,
            CommentResponded.class, CommitmentMade.class, ResponseAcknowledged.class, CommentWithdrawn.class,
            CommentReopened.class, CommitmentFulfilled.class, CommitmentConcluded.class, CommitmentWaived.class,
            RecordCorrected.class);

    static String commentIdOf(DeliberationEvent event) {
        if (event instanceof CommentRaised e) return e.commentId();
        if (event instanceof CommentResponded e) return e.commentId();
        if (event instanceof CommitmentMade e) return e.commentId();
        if (event instanceof ResponseAcknowledged e) return e.commentId();
        if (event instanceof CommentWithdrawn e) return e.commentId();
        if (event instanceof CommentReopened e) return e.commentId();
        if (event instanceof CommitmentFulfilled e) return e.commentId();
        if (event instanceof CommitmentConcluded e) return e.commentId();
        if (event instanceof CommitmentWaived e) return e.commentId();
        if (event instanceof RecordCorrected e) return e.commentId();
        return null;
    }

    /** Drops the cache, as a restart does (tests). */
    void forget() {
        cache.clear();
    }

    @ResetHandler
    void reset() {
        cache.clear();
        for (String table : List.of("correction_v", "acknowledgement_v", "commitment_v",
                "response_v", "comment_v")) {
            jdbc.update("DELETE FROM " + table);
        }
        jdbc.update("DELETE FROM timeline_v WHERE comment_id IS NOT NULL");
    }
}
