package dev.shingi.admin;

import dev.shingi.platform.BulkReplay;
import dev.shingi.platform.Ledger;
import dev.shingi.platform.ReadModelRebuild;
import dev.shingi.platform.ViewsGate;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Rebuilds every read model from the event log.
 * <ul>
 * <li>A processor whose group has a {@link BulkReplay} (the views) is rebuilt <b>online</b>: it keeps running on its
 * live tables while, on a thread of its own, the bulk replay fills copies of them up to the head of the log when the
 * rebuild began, and catches them up with what was stored meanwhile, round after round, until little is left. Then,
 * in one short exclusive section ({@link ViewsGate}: no request under way, new ones held), the processor is stopped,
 * the copies take the last events, are switched in for the live tables, the processor's tokens are set to where the
 * copies end, and it is started again. Readers see the old views until that moment and the new ones after it, never
 * a partial or missing table; writes are accepted throughout, and are in the views before and after the switch.
 * Should the bulk replay fail, the copies are dropped and the live views go on as they were.</li>
 * <li>Any other streaming processor whose handlers can be reset is stopped, reset and started again: it replays the
 * log from the first event, event by event (Axon's replay), in place; while it does, {@link #underWay} tells readers
 * ({@code ReadModelRebuild}).</li>
 * </ul>
 * Progress is the events done against the head of the log when the rebuild began: for a bulk replay its own count,
 * for a replaying processor the lowest position any of its segments has reached. It is also kept in the database
 * ({@link RebuildRecord}) every {@value #RECORD_EVERY_SECONDS} s: a node that dies during a rebuild still serves the
 * old views when it comes back, and begins the rebuild again once it is ready. So does a node that found the views'
 * tables broken at start-up and emptied them (embedded H2 after a kill; {@code ViewsStartupCheck}).
 * <p>
 * {@code shingi.rebuild.bulk=false} turns the bulk replay off: every processor then replays the log itself, in place.
 */
@Component
public class Rebuild implements ReadModelRebuild {
    private static final Logger log = LoggerFactory.getLogger(Rebuild.class);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Events behind the head below which the copies are switched in, rather than caught up once more. */
    static final long SWITCH_WITHIN = 500;
    /** Catch-up rounds before the switch, at most: under a heavy stream of writes the last round may be longer. */
    static final int CATCH_UP_ROUNDS = 8;
    /** How long the switch waits for the requests under way to finish, before it catches up again and retries. */
    static final Duration SWITCH_WAIT = Duration.ofSeconds(5);
    static final int RECORD_EVERY_SECONDS = 2;

    private final EventProcessingConfiguration processing;
    private final Ledger ledger;
    private final List<BulkReplay> bulkReplays;
    private final TokenStore tokenStore;
    private final TransactionManager transactions;
    private final ViewsGate gate;
    private final RebuildRecord record;
    private volatile Run current;
    private volatile List<Interrupted> interrupted = List.of();

    Rebuild(EventProcessingConfiguration processing, Ledger ledger, List<BulkReplay> bulkReplays, TokenStore tokenStore,
            TransactionManager transactions, ViewsGate gate, RebuildRecord record,
            @Value("${shingi.rebuild.bulk:true}") boolean bulk) {
        this.processing = processing;
        this.ledger = ledger;
        this.bulkReplays = bulk ? bulkReplays : List.of();
        this.tokenStore = tokenStore;
        this.transactions = transactions;
        this.gate = gate;
        this.record = record;
    }

    /** One rebuild: what it covers, the processors replaying the log themselves, and the bulk replay under way. */
    private static final class Run {
        /** To the microsecond, as {@code view_rebuild} keeps it: the same instant before and after a restart. */
        final Instant startedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        final long total;
        final List<StreamingEventProcessor> replaying = new CopyOnWriteArrayList<>();
        final BulkReplay.Progress bulk = new BulkReplay.Progress();
        volatile boolean bulkRunning;
        volatile String phase = "BUILDING";
        volatile boolean failed;
        volatile long bulkCpuNanos;
        volatile Instant finishedAt;

        Run(long total) {
            this.total = total;
        }
    }

    /**
     * What a client sees of a rebuild. Rates are events per second; ETA in seconds, null when unknown. Phase:
     * BUILDING (the copies are filled), CATCHING_UP (with the events stored since), SWITCHING, REPLAYING (processors
     * replaying in place), DONE, FAILED (the copies were dropped; the views are as before), IDLE. {@code interrupted}:
     * the rebuilds this node found cut short when it started (it was stopped or killed during them), each begun again
     * from the start at once; empty when there were none.
     */
    public record Progress(String state, String phase, long eventsDone, long eventsTotal, double eventsPerSecond,
                           Long etaSeconds, Instant startedAt, Instant finishedAt, List<Interrupted> interrupted) {
    }

    /**
     * A rebuild that was under way when its node stopped, as {@code view_rebuild} last recorded it (every
     * {@value #RECORD_EVERY_SECONDS} s): its group, phase and events done of its total, when it began and when it
     * was last recorded. Its copies were never switched in: the views it was rebuilding served as before.
     */
    public record Interrupted(String processingGroup, String phase, long eventsDone, long eventsTotal,
                              Instant startedAt, Instant lastRecordedAt) {
    }

    /** Starts a rebuild, unless one is running; returns its progress. */
    public synchronized Progress start() {
        Run running = current;
        if (running != null && running.finishedAt == null && !caughtUp(running)) {
            return progress();
        }
        Map<String, BulkReplay> bulkByGroup = bulkReplays.stream()
                .collect(Collectors.toMap(BulkReplay::processingGroup, Function.identity()));
        List<StreamingEventProcessor> bulk = new ArrayList<>();
        List<StreamingEventProcessor> inPlace = new ArrayList<>();
        for (StreamingEventProcessor p : processors()) {
            (bulkByGroup.containsKey(p.getName()) ? bulk : inPlace).add(p);
        }
        inPlace.forEach(StreamingEventProcessor::shutDown);
        Run run;
        try {
            inPlace.forEach(StreamingEventProcessor::resetTokens);
            run = new Run(ledger.headPosition());
            run.replaying.addAll(inPlace);
            run.bulkRunning = !bulk.isEmpty();
        } catch (RuntimeException e) {
            inPlace.forEach(StreamingEventProcessor::start);
            throw e;
        }
        current = run;
        run.replaying.forEach(StreamingEventProcessor::start);
        if (!bulk.isEmpty()) {
            bulk.forEach(p -> record.started(p.getName(), run.total, run.startedAt));
            Thread thread = new Thread(() -> bulkReplay(run, bulk, bulkByGroup), "rebuild-bulk-replay");
            thread.setDaemon(true);
            thread.start();
        }
        log.info("Rebuilding {} processor(s) over {} events ({} online, by bulk replay)", bulk.size() + inPlace.size(),
                run.total, bulk.size());
        return progress();
    }

    private void bulkReplay(Run run, List<StreamingEventProcessor> processors, Map<String, BulkReplay> bulkByGroup) {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        ScheduledExecutorService recorder = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rebuild-record");
            t.setDaemon(true);
            return t;
        });
        recorder.scheduleWithFixedDelay(() -> {
            try {
                long done = done(run);
                processors.forEach(p -> record.progress(p.getName(), run.phase, done));
            } catch (RuntimeException e) {
                log.debug("Rebuild progress not recorded", e);
            }
        }, RECORD_EVERY_SECONDS, RECORD_EVERY_SECONDS, TimeUnit.SECONDS);
        try {
            for (StreamingEventProcessor p : processors) {
                try {
                    online(run, p, bulkByGroup.get(p.getName()));
                    record.ended(p.getName(), "DONE");
                } catch (RuntimeException e) {
                    log.error("Online rebuild of {} failed; its views stay as they were", p.getName(), e);
                    run.failed = true;
                    record.ended(p.getName(), "FAILED");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    run.failed = true;
                    return;
                }
            }
        } finally {
            recorder.shutdownNow();
            run.bulkCpuNanos = THREADS.getCurrentThreadCpuTime() - cpu0;
            run.bulkRunning = false;
        }
    }

    /** One group: its copies built, caught up, and switched in (see above). */
    private void online(Run run, StreamingEventProcessor processor, BulkReplay bulk) throws InterruptedException {
        run.phase = "BUILDING";
        BulkReplay.Shadow shadow = bulk.build(run.total, run.bulk);
        boolean[] swapping = {false};
        try {
            run.phase = "CATCHING_UP";
            for (int round = 0; round < CATCH_UP_ROUNDS && ledger.headPosition() - shadow.head() > SWITCH_WITHIN;
                 round++) {
                shadow.catchUp(ledger.headPosition(), run.bulk);
            }
            run.phase = "SWITCHING";
            for (int attempt = 1; ; attempt++) {
                long t0 = System.nanoTime();
                long[] tail = new long[2];
                boolean switched = gate.exclusive(SWITCH_WAIT, () -> {
                    processor.shutDown();
                    try {
                        long from = shadow.head();
                        shadow.catchUp(ledger.headPosition(), run.bulk);
                        tail[0] = shadow.head() - from;
                        swapping[0] = true;
                        transactions.executeInTransaction(() -> {
                            TrackingToken token = shadow.switchOver();
                            for (int segment : tokenStore.fetchSegments(processor.getName())) {
                                tokenStore.storeToken(token, processor.getName(), segment);
                            }
                        });
                    } finally {
                        processor.start();
                    }
                });
                if (switched) {
                    log.info("Views of {} switched to the rebuilt tables at position {} ({} last event(s), {} ms with "
                                    + "requests held)", processor.getName(), shadow.head(), tail[0],
                            (System.nanoTime() - t0) / 1_000_000);
                    return;
                }
                if (attempt == 10) {
                    throw new IllegalStateException("Requests under way kept the switch out " + attempt + " times");
                }
                log.warn("Requests under way for more than {}: catching up once more before switching", SWITCH_WAIT);
                shadow.catchUp(ledger.headPosition(), run.bulk);
            }
        } catch (RuntimeException | InterruptedException e) {
            if (!swapping[0]) { // once the swap began, the copies may be the live tables: never dropped
                shadow.discard();
            }
            throw e;
        }
    }

    /** After a crash during a rebuild, or when the views were found broken at start-up: rebuilds them (see above). */
    @EventListener(ApplicationReadyEvent.class)
    public void resumeInterrupted() {
        List<Interrupted> cutShort = record.cutShort();
        interrupted = List.copyOf(cutShort);
        if (!cutShort.isEmpty() || bulkReplays.stream().anyMatch(BulkReplay::interrupted)) {
            log.warn("The read models must be rebuilt (a rebuild cut short: {}; or their tables were found broken at "
                    + "start-up): rebuilding from the start", cutShort);
            start();
        }
    }

    public Progress progress() {
        Run run = current;
        if (run == null) {
            return new Progress("IDLE", "IDLE", 0, 0, 0, null, null, null, interrupted);
        }
        long done = done(run);
        Instant end = run.finishedAt;
        if (end == null && done >= run.total && caughtUp(run)) {
            end = Instant.now();
            run.finishedAt = end;
            log.info("Rebuild done: {} events in {}", run.total, Duration.between(run.startedAt, end));
        }
        double seconds = Math.max(0.001, Duration.between(run.startedAt, end != null ? end : Instant.now()).toMillis() / 1000.0);
        double rate = done / seconds;
        Long eta = end != null ? Long.valueOf(0) : rate > 0 ? (long) Math.ceil((run.total - done) / rate) : null;
        String state = end == null ? "RUNNING" : run.failed ? "FAILED" : "DONE";
        String phase = end != null ? state : run.bulkRunning ? run.phase : "REPLAYING";
        return new Progress(state, phase, done, run.total, Math.round(rate * 10) / 10.0, eta, run.startedAt, end,
                interrupted);
    }

    /** Only while processors replay in place: the views rebuilt online are complete throughout. */
    @Override
    public Optional<Share> underWay() {
        Run run = current;
        if (run == null || run.finishedAt != null || run.replaying.isEmpty()) {
            return Optional.empty(); // asked at every request: the common answer costs nothing
        }
        long done = Math.min(run.total, lowestPosition(run.replaying));
        return done < run.total ? Optional.of(new Share(done, run.total)) : Optional.empty();
    }

    /**
     * CPU time the last rebuild's bulk replay took on its thread (the processors' threads are not counted), in
     * seconds; 0 while it runs. For benchmarks.
     */
    public double bulkCpuSeconds() {
        Run run = current;
        return run == null ? 0 : run.bulkCpuNanos / 1e9;
    }

    /** Runs a rebuild to its end, reporting progress every {@code every}; for the command line. */
    public Progress runToEnd(Duration every, java.util.function.Consumer<Progress> report) throws InterruptedException {
        Progress p = start();
        while ("RUNNING".equals(p.state())) {
            Thread.sleep(every.toMillis());
            p = progress();
            report.accept(p);
        }
        return p;
    }

    private boolean caughtUp(Run run) {
        return !run.bulkRunning && lowestPosition(run.replaying) >= run.total;
    }

    private long done(Run run) {
        long done = run.total;
        if (run.bulkRunning) {
            long planned = Math.max(1, run.bulk.planned.get());
            done = Math.min(run.total - 1, (long) (run.total * Math.min(1.0, run.bulk.done.get() / (double) planned)));
        }
        return Math.max(0, Math.min(done, lowestPosition(run.replaying)));
    }

    private static long lowestPosition(List<StreamingEventProcessor> processors) {
        long lowest = Long.MAX_VALUE;
        for (StreamingEventProcessor p : processors) {
            if (p.processingStatus().isEmpty()) {
                return 0;
            }
            for (EventTrackerStatus s : p.processingStatus().values()) {
                OptionalLong position = s.getCurrentPosition();
                lowest = Math.min(lowest, position.orElse(0));
            }
        }
        return lowest;
    }

    /** The read models: processors whose handlers can be reset (integrity checkpoints are not replayed). */
    private List<StreamingEventProcessor> processors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::supportsReset).toList();
    }
}
