package dev.shingi.deliberation.query;

import dev.shingi.deliberation.api.Aggregates;
import dev.shingi.platform.BulkReplay;
import dev.shingi.platform.ShadowTables;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongPredicate;

import static dev.shingi.deliberation.query.Temporal.millis;

/**
 * The views' copies that {@link ViewsBulkRebuild#build} filled, and how they are brought up to the head of the log
 * while the live views keep answering: each {@link #catchUp} takes the events stored since (and those of earlier gaps
 * committed since): the rows of an event not about one comment are added as the first pass adds them; a comment with
 * a new event has its rows deleted from the copies and is folded again from all its events, as the second pass folds
 * it, so that every row is still inserted once with its final knowledge interval. Then {@link #switchOver}.
 */
final class ViewsShadow implements BulkReplay.Shadow {
    /**
     * The tables whose rows belong to one comment, and the column naming it: comment_v's row key is the comment's id;
     * timeline_v's rows without a comment are the first pass's.
     */
    static final Map<String, String> COMMENT_TABLES = Map.of("correction_v", "comment_id", "acknowledgement_v",
            "comment_id", "commitment_v", "comment_id", "response_v", "comment_id", "comment_v", "row_key",
            "timeline_v", "comment_id");
    private static final int COMMENTS_PER_DELETE = 500;

    private final ViewsBulkRebuild bulk;
    private final Map<String, ViewsBulkRebuild.Named> names;
    private final BulkRows writers;
    private final TreeSet<Long> gaps;
    private volatile long head;

    ViewsShadow(ViewsBulkRebuild bulk, long head, TreeSet<Long> gaps, Map<String, ViewsBulkRebuild.Named> names,
                BulkRows writers) {
        this.bulk = bulk;
        this.head = head;
        this.gaps = gaps;
        this.names = names;
        this.writers = writers;
    }

    @Override
    public long head() {
        return head;
    }

    @Override
    public synchronized void catchUp(long to, BulkReplay.Progress progress) {
        if (to <= head && gaps.isEmpty()) {
            return;
        }
        long from = gaps.isEmpty() ? head : Math.min(head, gaps.first() - 1);
        long target = Math.max(to, head);
        Set<Long> fresh = new TreeSet<>();
        bulk.jdbc.query("SELECT globalIndex FROM DomainEventEntry WHERE globalIndex > ? AND globalIndex <= ?", rs -> {
            long p = rs.getLong(1);
            if (p > head || gaps.contains(p)) {
                fresh.add(p);
            }
        }, from, target);
        long windowFrom = Math.max(0, target - ViewsBulkRebuild.GAP_WINDOW);
        TreeSet<Long> stillMissing = new TreeSet<>();
        for (long g : gaps) {
            if (!fresh.contains(g) && g > windowFrom) {
                stillMissing.add(g);
            }
        }
        for (long p = Math.max(head, windowFrom) + 1; p <= target; p++) {
            if (!fresh.contains(p)) {
                stillMissing.add(p);
            }
        }
        LongPredicate included = p -> p >= 1 && p <= target && !stillMissing.contains(p);

        Set<String> touched = new LinkedHashSet<>();
        BulkRows.Batch batch = writers.new Batch();
        bulk.jdbc.query("""
                SELECT globalIndex, type, aggregateIdentifier, sequenceNumber, eventIdentifier, timeStamp,
                       payloadType, payloadRevision, metaData, payload
                FROM DomainEventEntry WHERE globalIndex > ? AND globalIndex <= ? ORDER BY globalIndex""", rs -> {
            long position = rs.getLong(1);
            if (!fresh.contains(position) || !included.test(position)) {
                return;
            }
            long recordedAt = millis(Instant.parse(rs.getString("timeStamp")));
            if (Aggregates.COMMENT.equals(rs.getString("type"))) {
                batch.insert(DeliberationsProjection.LEDGER_CLOCK, position, recordedAt);
                touched.add(rs.getString("aggregateIdentifier"));
            } else {
                bulk.deliberationEvent(rs, position, recordedAt, names, batch);
            }
        }, from, target);
        batch.flush();

        List<String> ids = new ArrayList<>(touched);
        for (int i = 0; i < ids.size(); i += COMMENTS_PER_DELETE) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + COMMENTS_PER_DELETE));
            String in = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            COMMENT_TABLES.forEach((table, column) -> bulk.jdbc.update("DELETE FROM " + ShadowTables.shadow(table)
                    + " WHERE " + column + " IN (" + in + ")", chunk.toArray()));
            bulk.pass2(chunk, included, names, progress, writers);
        }
        gaps.clear();
        gaps.addAll(stillMissing);
        head = target;
    }

    @Override
    public synchronized TrackingToken switchOver() {
        bulk.shadows.swap(ViewsConfig.TABLES);
        // the handlers' caches hold what the live views showed when their processor stopped, which may be behind
        bulk.comments.forget();
        bulk.projectionNames.forget();
        return head <= 0 ? null : GapAwareTrackingToken.newInstance(head, gaps);
    }

    @Override
    public void discard() {
        bulk.shadows.drop(ViewsConfig.TABLES);
    }
}
