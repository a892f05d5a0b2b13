package dev.shingi.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The one way the edge records things: send a command, and return once it is stored <em>and</em> every projection has
 * processed it, so that the client's next query already shows it (read-your-writes).
 * <p>
 * The wait is for the command's own events, found by their identifiers: their positions in the log must be covered by
 * every projection segment that handles them (per the processor's sequencing policy), whether this node holds it
 * (in-memory status) or another node sharing the database does (its committed token; the views are shared tables, so
 * a later read on any node shows the write too). A position counts only when it is not among the token's gaps,
 * because under concurrent commits an event with a lower position can become visible after one with a higher one.
 * <p>
 * A command that loses a race on the (aggregate, sequence) key stored nothing; it is run again on fresh state, up to
 * {@code shingi.commands.attempts} times in all, before the {@link ConcurrencyException} reaches the client (409).
 * <p>
 * A request retried under an idempotency key whose commands are already stored ({@link IdempotentRequest#replaying})
 * sends nothing: {@link #record} returns null at once, and waits for the views to show the log as it is.
 */
@Component
public class Ledger {
    private static final Logger log = LoggerFactory.getLogger(Ledger.class);
    /** The events the command on this thread is publishing (the command bus runs the handler in the caller's thread). */
    private static final ThreadLocal<List<EventMessage<?>>> PUBLISHED = new ThreadLocal<>();
    /** Set while {@link #batch} runs on this thread: its commands share one transaction and one durability wait. */
    private static final ThreadLocal<Batch> BATCH = new ThreadLocal<>();

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final ProcessingProgress progress;
    private final JdbcTemplate jdbc;
    private final Durability durability;
    private final Duration catchUpTimeout;
    private final int attempts;
    private final TransactionTemplate transaction;
    private final Cache aggregates;
    private final Idempotency idempotency;
    private final ObjectMapper json = AxonConfig.storageObjectMapper();

    Ledger(CommandGateway commands, EventStore eventStore, ProcessingProgress progress, JdbcTemplate jdbc,
           Durability durability, @Value("${shingi.read-your-writes.timeout:10s}") Duration catchUpTimeout,
           @Value("${shingi.commands.attempts:3}") int attempts, PlatformTransactionManager transactions,
           Cache deliberationCache, Idempotency idempotency) {
        this.transaction = new TransactionTemplate(transactions);
        this.aggregates = deliberationCache;
        this.idempotency = idempotency;
        this.commands = commands;
        this.eventStore = eventStore;
        this.progress = progress;
        this.jdbc = jdbc;
        this.durability = durability;
        this.catchUpTimeout = catchUpTimeout;
        this.attempts = Math.max(1, attempts);
        eventStore.registerDispatchInterceptor(messages -> {
            List<EventMessage<?>> published = PUBLISHED.get();
            if (published != null) {
                published.addAll(messages);
            }
            return (i, m) -> m;
        });
    }

    /**
     * Stores the command's events (or throws the rule it breaks), durably ({@link Durability}), without waiting for
     * projections.
     */
    public <R> R record(Object command, MetaData metaData) {
        if (IdempotentRequest.replaying()) {
            return null;
        }
        return recordCollecting(command, metaData, new ArrayList<>());
    }

    /**
     * Stores, then waits until the projections show it. Returns false if they did not catch up within the timeout,
     * and at once within a {@link #batch} (its events are seen by no one until it commits).
     */
    public <R> Recorded<R> recordAndCatchUp(Object command, MetaData metaData) {
        if (IdempotentRequest.replaying()) {
            return new Recorded<>(null, BATCH.get() == null && awaitProjections());
        }
        List<EventMessage<?>> events = new ArrayList<>();
        R result = recordCollecting(command, metaData, events);
        return new Recorded<>(result, BATCH.get() == null && awaitEvents(events));
    }

    public record Recorded<R>(R result, boolean projectionsCaughtUp) {
    }

    /**
     * Runs several {@link #record} calls as one: all their events and every row they change go into one database
     * transaction, so that the batch is stored whole or not at all, also when the process dies in the middle; one file
     * write after the last ({@link Durability}). A command of the batch that breaks a rule or loses a race rolls the
     * whole batch back and its exception reaches the caller (a lost race is not run again: the caller retries the
     * batch). Under an idempotency key the batch's commands share one key row, and a replay runs {@code body} again
     * without sending them. Nested batches join the outer one. Do not wait for the views inside a batch: they see
     * its events only once it has committed.
     */
    public <T> T batch(Supplier<T> body) {
        return batch(null, body);
    }

    /**
     * A {@link #batch} whose result is also kept (as JSON of {@code type}) beside its idempotency key, in its own
     * transaction: a replay returns that result without running {@code body} again. For a body whose checks would
     * decide otherwise once its commands are stored (e.g. "is this deliberation new?").
     */
    public <T> T batch(Class<T> type, Supplier<T> body) {
        if (BATCH.get() != null) {
            return body.get();
        }
        if (IdempotentRequest.replaying()) {
            if (type != null) {
                IdempotentRequest r = IdempotentRequest.current().orElseThrow();
                java.util.Optional<String> kept = idempotency.keptResult(r.user(), r.key());
                if (kept.isPresent()) {
                    return fromJson(kept.get(), type);
                }
            }
            return inBatch(body);
        }
        Batch batch = new Batch();
        BATCH.set(batch);
        T stored;
        try {
            stored = transaction.execute(status -> {
                T result = body.get();
                if (type != null && result != null) {
                    IdempotentRequest.current().ifPresent(r -> idempotency.keepResult(r.user(), r.key(), r.hash(),
                            toJson(result)));
                }
                return result;
            });
        } catch (RuntimeException e) {
            batch.forgetAggregates(aggregates);
            throw e;
        } finally {
            BATCH.remove();
        }
        durability.awaitDurable();
        return stored;
    }

    private <T> T inBatch(Supplier<T> body) {
        BATCH.set(new Batch());
        try {
            return body.get();
        } finally {
            BATCH.remove();
        }
    }

    /** Whether this thread runs a {@link #batch}: what its commands change is not committed until it ends. */
    public static boolean batchUnderWay() {
        return BATCH.get() != null;
    }

    /** The aggregates a batch's commands touched: their cached state must not outlive a rollback. */
    private static final class Batch {
        private final java.util.Set<String> aggregateIds = new java.util.LinkedHashSet<>();

        void touched(List<EventMessage<?>> events, Cache cache) {
            for (EventMessage<?> e : events) {
                if (e instanceof DomainEventMessage<?> d) {
                    aggregateIds.add(d.getAggregateIdentifier());
                    // not committed yet: another command must read it from the database (and wait for the batch)
                    cache.remove(d.getAggregateIdentifier());
                }
            }
        }

        void forgetAggregates(Cache cache) {
            aggregateIds.forEach(cache::remove);
        }
    }

    private String toJson(Object result) {
        try {
            return json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A batch's result cannot be kept as JSON", e);
        }
    }

    private <T> T fromJson(String kept, Class<T> type) {
        try {
            return json.readValue(kept, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A batch's kept result cannot be read as " + type.getSimpleName(), e);
        }
    }

    private <R> R recordCollecting(Object command, MetaData metaData, List<EventMessage<?>> events) {
        List<EventMessage<?>> outer = PUBLISHED.get();
        try {
            for (int attempt = 1; ; attempt++) {
                events.clear();
                PUBLISHED.set(events);
                try {
                    if (BATCH.get() == null) {
                        durability.commandStarted(); // a chunk about to be written waits a little for it
                    }
                    R result = commands.sendAndWait(command, metaData);
                    Batch batch = BATCH.get();
                    if (batch == null) {
                        durability.awaitDurable();
                    } else {
                        batch.touched(events, aggregates);
                    }
                    return result;
                } catch (RuntimeException e) {
                    durability.commandEnded();
                    if (attempt >= attempts || !lostRace(e) || BATCH.get() != null) {
                        throw e;
                    }
                    log.debug("{} lost a race (attempt {}), running it again", command.getClass().getSimpleName(), attempt);
                    pause(ThreadLocalRandom.current().nextLong(1, 5L * attempt + 1));
                }
            }
        } finally {
            if (outer == null) {
                PUBLISHED.remove();
            } else {
                PUBLISHED.set(outer);
            }
        }
    }

    private static boolean lostRace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }

    /** Waits until every projection segment that handles these stored events, on any node, has processed them. */
    boolean awaitEvents(List<EventMessage<?>> events) {
        if (events.isEmpty()) {
            return true;
        }
        List<String> eventIds = events.stream().map(EventMessage::getIdentifier).toList();
        List<Long> positions = positionsOf(eventIds);
        if (positions.size() < eventIds.size()) {
            log.warn("Only {} of {} events found in the log after their command; waiting for the head instead",
                    positions.size(), eventIds.size());
            return awaitProjections();
        }
        return await(progress.events(positions, events), "events at " + positions);
    }

    private List<Long> positionsOf(List<String> eventIds) {
        String marks = String.join(",", Collections.nCopies(eventIds.size(), "?"));
        return jdbc.queryForList("SELECT globalIndex FROM DomainEventEntry WHERE eventIdentifier IN (" + marks + ")",
                Long.class, eventIds.toArray());
    }

    /** The position of the last event stored, or 0 for an empty ledger. */
    public long headPosition() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    /** Waits until every streaming processor, on every node, has processed everything stored so far. */
    public boolean awaitProjections() {
        TrackingToken head = eventStore.createHeadToken();
        long target = head == null ? -1 : head.position().orElse(-1);
        if (target < 0) {
            return true;
        }
        return await(ProcessingProgress.reached(target), "position " + target);
    }

    /** Whether every streaming processor, on every node, has processed everything stored so far: one look, no wait. */
    public boolean projectionsCaughtUp() {
        TrackingToken head = eventStore.createHeadToken();
        long target = head == null ? -1 : head.position().orElse(-1);
        return target < 0 || progress.check(ProcessingProgress.reached(target)) == ProcessingProgress.Answer.DONE;
    }

    private boolean await(ProcessingProgress.Target target, String what) {
        long deadline = System.nanoTime() + catchUpTimeout.toNanos();
        long pause = 200_000; // ns; grows to 5 ms, or to 10 ms while other nodes' tokens are read from the database
        while (true) {
            ProcessingProgress.Answer answer = progress.check(target);
            if (answer == ProcessingProgress.Answer.DONE) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                log.warn("Projections did not process {} within {}", what, catchUpTimeout);
                return false;
            }
            if (!pauseNanos(pause)) {
                return false;
            }
            pause = Math.min(pause * 2, answer == ProcessingProgress.Answer.NOT_YET_REMOTE ? 10_000_000 : 5_000_000);
        }
    }

    private static void pause(long millis) {
        pauseNanos(millis * 1_000_000);
    }

    private static boolean pauseNanos(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
