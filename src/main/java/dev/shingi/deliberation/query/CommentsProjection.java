package dev.shingi.deliberation.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shingi.deliberation.api.*;
import dev.shingi.platform.RecordingMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = EventJson.MAPPER;
    /** Recently touched comments' events, so a rebuild does not read each comment's history back per event. */
    private final Map<String, List<CommentHistory.Entry>> cache = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<CommentHistory.Entry>> eldest) {
                    return size() > CACHE_SIZE;
                }
            });
    private final Names names;
    private final LogPosition logPosition;

    CommentsProjection(JdbcTemplate jdbc, Names names, LogPosition logPosition) {
        this.jdbc = jdbc;
        this.names = names;
        this.logPosition = logPosition;
    }

    @EventHandler
    void on(DeliberationEvent event, EventMessage<?> message, TrackingToken token) throws JsonProcessingException {
        String commentId = commentIdOf(event);
        if (commentId == null) {
            return;
        }
        // a failed batch is retried from the stored token: forget what this attempt cached
        CurrentUnitOfWork.ifStarted(uow -> uow.onRollback(u -> cache.clear()));
        long position = logPosition.of(message, token);
        Object recordedBy = message.getMetaData().get(RecordingMetadata.RECORDED_BY);
        CommentHistory.Entry entry = new CommentHistory.Entry(position, message.getIdentifier(),
                millis(message.getTimestamp()), recordedBy == null ? null : recordedBy.toString(), event);

        List<CommentHistory.Entry> before = load(commentId);
        if (before.stream().anyMatch(e -> e.position() == position)) {
            return; // already applied (a replayed batch)
        }
        List<CommentHistory.Entry> after = new ArrayList<>(before);
        after.add(entry);

        if (event instanceof ResponseAcknowledged a) {
            jdbc.update("""
                    INSERT INTO acknowledgement_v (event_id, comment_id, response_id, participant_id, satisfied, note,
                                                   occurred_at, position, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    entry.eventId(), commentId, a.responseId(), a.participantId(), a.satisfied(), a.note(),
                    millis(a.occurredAt()), position, entry.recordedAt());
        }
        if (event instanceof RecordCorrected c) {
            CommentHistory.changes(CommentHistory.effective(before), c).forEach((field, values) -> jdbc.update("""
                    INSERT INTO correction_v (event_id, field, comment_id, response_id, corrected_by, reason, old_value,
                                              new_value, occurred_at, position, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    entry.eventId(), field, commentId, c.responseId(), c.correctedBy(), c.reason(), values[0], values[1],
                    millis(c.occurredAt()), position, entry.recordedAt()));
        }

        var nameOf = names.of(event.deliberationId());
        Set<CommentHistory.Row> old = new HashSet<>(new CommentHistory(before, nameOf).rows());
        List<CommentHistory.Row> now = new CommentHistory(after, nameOf).rows();
        Set<CommentHistory.Row> kept = new HashSet<>(now);
        for (CommentHistory.Row row : old) {
            if (!kept.contains(row)) {
                jdbc.update("UPDATE " + row.table() + " SET known_to = ? WHERE row_key = ? AND valid_from = ? AND known_to = ?",
                        position, row.key(), row.validFrom(), FOREVER);
            }
        }
        for (CommentHistory.Row row : now) {
            if (!old.contains(row)) {
                insert(row, position);
            }
        }
        save(commentId, event.deliberationId(), before.isEmpty(), after);
    }

    private void insert(CommentHistory.Row row, long position) {
        List<String> columns = new ArrayList<>(row.columns().keySet());
        List<Object> values = new ArrayList<>(row.columns().values());
        columns.addAll(List.of("row_key", "valid_from", "valid_to", "known_from", "known_to"));
        values.addAll(List.of(row.key(), row.validFrom(), row.validTo(), position, FOREVER));
        jdbc.update("INSERT INTO " + row.table() + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")", values.toArray());
    }

    private List<CommentHistory.Entry> load(String commentId) throws JsonProcessingException {
        List<CommentHistory.Entry> cached = cache.get(commentId);
        if (cached != null) {
            return cached;
        }
        List<String> stored = jdbc.queryForList("SELECT events FROM comment_history WHERE comment_id = ?", String.class,
                commentId);
        List<CommentHistory.Entry> entries = new ArrayList<>();
        if (!stored.isEmpty()) {
            for (JsonNode n : json.readTree(stored.get(0))) {
                entries.add(new CommentHistory.Entry(n.get("position").asLong(), n.get("eventId").asText(),
                        n.get("recordedAt").asLong(), n.hasNonNull("recordedBy") ? n.get("recordedBy").asText() : null,
                        EventJson.read(n.get("type").asText(), n.get("payload"))));
            }
        }
        return entries;
    }

    private void save(String commentId, String deliberationId, boolean isNew, List<CommentHistory.Entry> entries)
            throws JsonProcessingException {
        ArrayNode array = json.createArrayNode();
        for (CommentHistory.Entry e : entries) {
            ObjectNode n = array.addObject();
            n.put("position", e.position());
            n.put("eventId", e.eventId());
            n.put("recordedAt", e.recordedAt());
            n.put("recordedBy", e.recordedBy());
            n.put("type", e.event().getClass().getSimpleName());
            n.set("payload", json.valueToTree(e.event()));
        }
        String text = json.writeValueAsString(array);
        if (isNew) {
            jdbc.update("INSERT INTO comment_history (comment_id, deliberation_id, events) VALUES (?, ?, ?)",
                    commentId, deliberationId, text);
        } else {
            jdbc.update("UPDATE comment_history SET events = ? WHERE comment_id = ?", text, commentId);
        }
        cache.put(commentId, List.copyOf(entries));
    }

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

    @ResetHandler
    void reset() {
        cache.clear();
        for (String table : List.of("comment_history", "correction_v", "acknowledgement_v", "commitment_v",
                "response_v", "comment_v")) {
            jdbc.update("DELETE FROM " + table);
        }
        jdbc.update("DELETE FROM timeline_v WHERE comment_id IS NOT NULL");
    }
}
