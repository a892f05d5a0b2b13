package dev.shingi.integrity;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shingi.deliberation.api.LedgerCheckpointed;
import dev.shingi.deliberation.api.RevisionCommitted;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Checkpoints of the ledger's heads: shortly after a revision ({@code shingi.integrity.after-revision-delay}; revisions
 * in that window share one) and periodically ({@code shingi.integrity.checkpoint-every}), a {@link LedgerCheckpointed}
 * event records each aggregate's last sequence number and hash (those that changed since the previous checkpoint) and
 * a digest over all of them, and the whole log's length and running hash ({@link Chain#logStep}) with the streams of
 * the events since the previous checkpoint in log order. Deleting the last events of an aggregate, truncating the log,
 * moving an event to another place in it or leaving one out then shows; each head is also published outside the
 * database ({@link Witness}), so that a log cut back to an earlier checkpoint shows too.
 * <p>
 * The checkpoint is recorded by a thread of its own, never in the processor's unit of work: the processor runs a
 * thread per segment, and two segments each seeing a revision used to append the same checkpoint sequence number, one
 * failing at commit and putting its segment into Axon's retry mode (a 1 s pause) — which every client waiting to read
 * its own write waited out (the load harness's command p99 was 1.2 s for that). Checkpoints of two nodes can still
 * meet; the later one is taken again on the new head.
 */
@Component
@ProcessingGroup("integrity")
public class Checkpoints {
    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);
    /** The aggregate all checkpoints are appended to; it belongs to no deliberation. */
    public static final String AGGREGATE = "ledger-checkpoints";
    static final String TYPE = "LedgerCheckpoint";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final TransactionManager transactions;
    private final Chain chain;
    private final Clock clock;
    private final Duration afterRevisionDelay;
    private final Duration settle;
    private final int orderLimit;
    private final Witness witness;
    private final AtomicBoolean due = new AtomicBoolean();
    private final ScheduledExecutorService afterRevision = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "checkpoint-after-revision");
        t.setDaemon(true);
        return t;
    });

    Checkpoints(EventStore eventStore, JdbcTemplate jdbc, TransactionManager transactions,
                @Value("${shingi.integrity.key}") String key, Clock clock,
                @Value("${shingi.integrity.after-revision-delay:2s}") Duration afterRevisionDelay,
                @Value("${shingi.integrity.settle:1s}") Duration settle,
                @Value("${shingi.integrity.order-limit:100000}") int orderLimit, Witness witness) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.chain = new Chain(key);
        this.clock = clock;
        this.afterRevisionDelay = afterRevisionDelay;
        this.settle = settle;
        this.orderLimit = orderLimit;
        this.witness = witness;
    }

    @EventHandler
    @DisallowReplay
    void on(RevisionCommitted revision) {
        scheduleIfNotDue();
    }

    private void scheduleIfNotDue() {
        if (due.compareAndSet(false, true)) {
            try {
                afterRevision.schedule(this::afterRevision, afterRevisionDelay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                log.debug("Shutting down: the checkpoint stays due for stop()");
            }
        }
    }

    private void afterRevision() {
        if (!due.getAndSet(false)) { // taken already (checkpointIfDue); a revision from now on asks for another
            return;
        }
        try {
            checkpoint();
        } catch (RuntimeException e) {
            log.warn("The checkpoint after a revision failed; trying again in {}", afterRevisionDelay, e);
            scheduleIfNotDue();
        }
    }

    /** Records now the checkpoint a recent revision asked for, if one is still due; true if it did. */
    public boolean checkpointIfDue() {
        if (!due.getAndSet(false)) {
            return false;
        }
        checkpoint();
        return true;
    }

    @PreDestroy
    void stop() {
        afterRevision.shutdownNow();
        try {
            checkpointIfDue();
        } catch (RuntimeException e) {
            log.warn("The checkpoint a revision asked for could not be recorded at shutdown; the next one covers it", e);
        }
    }

    @Scheduled(fixedDelayString = "${shingi.integrity.checkpoint-every:PT1H}",
            initialDelayString = "${shingi.integrity.checkpoint-every:PT1H}")
    void periodically() {
        checkpoint();
    }

    /**
     * Records a checkpoint of every aggregate's head and of the whole log now; returns it. Once committed, its signed
     * head is published to the witness ({@link Witness}), never before: a head of a checkpoint rolled back would
     * accuse an honest log.
     */
    public synchronized LedgerCheckpointed checkpoint() {
        due.set(false); // this one covers every revision handled so far: they were committed before its head is read
        if (CurrentUnitOfWork.isStarted()) {
            Recorded r = record();
            CurrentUnitOfWork.get().afterCommit(u -> publish(r));
            return r.checkpoint();
        }
        for (int attempt = 1; ; attempt++) {
            DefaultUnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(null);
            try {
                uow.attachTransaction(transactions);
                Recorded r = record();
                uow.commit();
                publish(r);
                return r.checkpoint();
            } catch (RuntimeException e) {
                if (uow.isActive()) {
                    uow.rollback(e);
                }
                if (attempt >= 3 || !(e instanceof ConcurrencyException)) {
                    throw e;
                }
                log.debug("Another node recorded a checkpoint at the same sequence; taking it again", e);
            }
        }
    }

    private record Recorded(LedgerCheckpointed checkpoint, long sequence) {
    }

    private void publish(Recorded r) {
        if (!witness.configured()) {
            return;
        }
        List<byte[]> meta = jdbc.query(
                "SELECT metaData FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = ?",
                (rs, i) -> rs.getBytes(1), AGGREGATE, r.sequence());
        String hash = meta.isEmpty() ? "" : hashOf(new ObjectMapper(), meta.get(0));
        LedgerCheckpointed c = r.checkpoint();
        witness.publish(new Witness.Head(r.sequence(), c.upToPosition(), c.logLength(), c.logHead(), hash,
                c.occurredAt().toString()));
    }

    private Recorded record() {
        Long head = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry WHERE timeStamp <= ?",
                Long.class, DateTimeUtils.formatInstant(clock.instant().minus(settle)));
        Map<String, String> known = new HashMap<>();
        long sequence = 0;
        LedgerCheckpointed last = null; // the last one of revision 2: the log's evidence continues from it
        DomainEventStream previous = eventStore.readEvents(AGGREGATE);
        while (previous.hasNext()) {
            var e = previous.next();
            sequence = e.getSequenceNumber() + 1;
            if (e.getPayload() instanceof LedgerCheckpointed c) {
                known.putAll(c.changedHeads());
                if (c.logLength() != null) {
                    last = c;
                }
            }
        }
        long from = last == null ? 0 : last.upToPosition();
        long upTo = Math.max(head == null ? 0 : head, from);
        Map<String, String> heads = heads(jdbc, upTo);
        Map<String, String> changed = new LinkedHashMap<>();
        heads.forEach((aggregate, h) -> {
            if (!h.equals(known.get(aggregate))) {
                changed.put(aggregate, h);
            }
        });
        Segment segment = segment(from, upTo, last == null ? Chain.GENESIS : last.logHead());
        long segmentFrom = last == null ? 0 : last.logLength();
        LedgerCheckpointed checkpoint = new LedgerCheckpointed(upTo, heads.size(), chain.digest(heads), changed,
                clock.instant(), segmentFrom + segment.events, segment.head, segmentFrom, segment.order);
        eventStore.publish(new GenericDomainEventMessage<>(TYPE, AGGREGATE, sequence, checkpoint));
        return new Recorded(checkpoint, sequence);
    }

    private static final class Segment {
        long events;
        String head;
        List<String> order = new ArrayList<>();
    }

    /** The log's events after position {@code after} up to {@code upTo}: how many, the running hash, their streams. */
    private Segment segment(long after, long upTo, String fromHead) {
        ObjectMapper json = new ObjectMapper();
        Segment s = new Segment();
        s.head = fromHead;
        jdbc.query("""
                SELECT aggregateIdentifier, sequenceNumber, metaData FROM DomainEventEntry
                WHERE globalIndex > ? AND globalIndex <= ? ORDER BY globalIndex""", (java.sql.ResultSet rs) -> {
            String aggregate = rs.getString(1);
            s.head = chain.logStep(s.head, aggregate, rs.getLong(2), hashOf(json, rs.getBytes(3)));
            s.events++;
            if (s.order != null) {
                s.order.add(aggregate);
                if (s.order.size() > orderLimit) {
                    s.order = null; // too long to carry: the head and length still bind the segment
                }
            }
        }, after, upTo);
        return s;
    }

    /** Every aggregate's head ({@code "seq:hash"}) among the events up to a log position; checkpoints excluded. */
    static Map<String, String> heads(JdbcTemplate jdbc, long upTo) {
        ObjectMapper json = new ObjectMapper();
        Map<String, String> heads = new HashMap<>();
        jdbc.query("""
                SELECT e.aggregateIdentifier, e.sequenceNumber, e.metaData FROM DomainEventEntry e
                JOIN (SELECT aggregateIdentifier a, MAX(sequenceNumber) s FROM DomainEventEntry
                      WHERE globalIndex <= ? AND aggregateIdentifier <> ? GROUP BY aggregateIdentifier) m
                  ON e.aggregateIdentifier = m.a AND e.sequenceNumber = m.s""",
                (java.sql.ResultSet rs) -> {
                    heads.put(rs.getString(1), rs.getLong(2) + ":" + hashOf(json, rs.getBytes(3)));
                }, upTo, AGGREGATE);
        return heads;
    }

    static String hashOf(ObjectMapper json, byte[] metaData) {
        if (metaData == null) {
            return "";
        }
        try {
            Object hash = json.readValue(metaData, MAP).get(Chain.HASH);
            return hash == null ? "" : hash.toString();
        } catch (IOException e) {
            return "";
        }
    }
}
