package dev.shingi.admin;

import dev.shingi.platform.BulkReplay;
import dev.shingi.platform.Ledger;
import dev.shingi.platform.ReadModelRebuild;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Rebuilds every read model from the event log. Each streaming processor whose handlers can be reset is stopped and
 * its tokens reset (its reset handlers empty its tables); then
 * <ul>
 * <li>a processor whose group has a {@link BulkReplay} (the views) stays stopped while the bulk replay fills its
 * tables straight from the event store, on a thread of its own; its tokens are then set to where the replay ended
 * (the head of the log when the rebuild began, with the positions not committed by then as gaps) and it is started
 * again, so it goes on with the events stored during the rebuild. Should the bulk replay fail, the processor is reset
 * once more and replays the log itself, as below;</li>
 * <li>any other processor is started at once and replays the log from the first event, event by event (Axon's
 * replay).</li>
 * </ul>
 * Commands are accepted during a rebuild: their events are stored, and the views show them once the processor runs
 * again (until then a command's wait for its read-your-writes times out, and it answers as usual, without the views).
 * While the views' tables are being filled, their rows are not complete: reads show a partial ledger.
 * <p>
 * {@code shingi.rebuild.bulk=false} turns the bulk replay off: every processor then replays the log itself.
 * <p>
 * Progress is the events done against the head of the log when the rebuild began: for a bulk replay its own count,
 * for a replaying processor the lowest position any of its segments has reached.
 * <p>
 * A crash during the bulk replay leaves the views' tokens reset to the first event and their tables partly filled
 * ({@link BulkReplay#interrupted}): once the restarted application is ready, the rebuild is started again (until then
 * the processor stops on the rows already there, duplicate keys, logged). The same happens when the views' tables
 * were found broken at start-up and emptied (embedded H2 after a kill; {@code ViewsStartupCheck}).
 */
@Component
public class Rebuild implements ReadModelRebuild {
    private static final Logger log = LoggerFactory.getLogger(Rebuild.class);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final EventProcessingConfiguration processing;
    private final Ledger ledger;
    private final List<BulkReplay> bulkReplays;
    private final TokenStore tokenStore;
    private final TransactionManager transactions;
    private volatile Run current;

    Rebuild(EventProcessingConfiguration processing, Ledger ledger, List<BulkReplay> bulkReplays, TokenStore tokenStore,
            TransactionManager transactions, @Value("${shingi.rebuild.bulk:true}") boolean bulk) {
        this.processing = processing;
        this.ledger = ledger;
        this.bulkReplays = bulk ? bulkReplays : List.of();
        this.tokenStore = tokenStore;
        this.transactions = transactions;
    }

    /** One rebuild: what it covers, the processors replaying the log themselves, and the bulk replay under way. */
    private static final class Run {
        final Instant startedAt = Instant.now();
        final long total;
        final List<StreamingEventProcessor> replaying = new CopyOnWriteArrayList<>();
        final BulkReplay.Progress bulk = new BulkReplay.Progress();
        volatile boolean bulkRunning;
        volatile long bulkCpuNanos;
        volatile Instant finishedAt;

        Run(long total) {
            this.total = total;
        }
    }

    /** What a client sees of a rebuild. Rates are events per second; ETA in seconds, null when unknown. */
    public record Progress(String state, long eventsDone, long eventsTotal, double eventsPerSecond, Long etaSeconds,
                           Instant startedAt, Instant finishedAt) {
    }

    /** Starts a rebuild, unless one is running; returns its progress. */
    public synchronized Progress start() {
        Run running = current;
        if (running != null && running.finishedAt == null && !caughtUp(running)) {
            return progress();
        }
        List<StreamingEventProcessor> processors = processors();
        Map<String, BulkReplay> bulkByGroup = bulkReplays.stream()
                .collect(Collectors.toMap(BulkReplay::processingGroup, Function.identity()));
        processors.forEach(StreamingEventProcessor::shutDown);
        Run run;
        List<StreamingEventProcessor> bulk = new ArrayList<>();
        try {
            processors.forEach(StreamingEventProcessor::resetTokens);
            // the head after the reset: the processors are stopped, so nothing after it is in the tables
            run = new Run(ledger.headPosition());
            for (StreamingEventProcessor p : processors) {
                if (bulkByGroup.containsKey(p.getName())) {
                    bulk.add(p);
                } else {
                    run.replaying.add(p);
                }
            }
            run.bulkRunning = !bulk.isEmpty();
        } catch (RuntimeException e) {
            processors.forEach(StreamingEventProcessor::start);
            throw e;
        }
        current = run;
        run.replaying.forEach(StreamingEventProcessor::start);
        if (!bulk.isEmpty()) {
            Thread thread = new Thread(() -> bulkReplay(run, bulk, bulkByGroup), "rebuild-bulk-replay");
            thread.setDaemon(true);
            thread.start();
        }
        log.info("Rebuilding {} processor(s) over {} events ({} by bulk replay)", processors.size(), run.total,
                bulk.size());
        return progress();
    }

    private void bulkReplay(Run run, List<StreamingEventProcessor> processors, Map<String, BulkReplay> bulkByGroup) {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        try {
            replayEach(run, processors, bulkByGroup);
        } catch (RuntimeException e) {
            log.error("Rebuild failed", e);
        } finally {
            run.bulkCpuNanos = THREADS.getCurrentThreadCpuTime() - cpu0;
            run.bulkRunning = false;
        }
    }

    private void replayEach(Run run, List<StreamingEventProcessor> processors, Map<String, BulkReplay> bulkByGroup) {
        for (StreamingEventProcessor p : processors) {
            try {
                TrackingToken token = bulkByGroup.get(p.getName()).replay(run.total, run.bulk);
                transactions.executeInTransaction(() -> {
                    for (int segment : tokenStore.fetchSegments(p.getName())) {
                        tokenStore.storeToken(token, p.getName(), segment);
                    }
                });
                p.start();
            } catch (RuntimeException e) {
                log.error("Bulk replay of {} failed; the processor replays the log itself instead", p.getName(), e);
                try {
                    p.resetTokens();
                } catch (RuntimeException resetFailed) {
                    // the next groups still get their own replay; this one goes on from the token it has
                    log.error("{} could not be reset after its bulk replay failed", p.getName(), resetFailed);
                }
                run.replaying.add(p);
                p.start();
            }
        }
    }

    /** After a crash during a bulk replay, or when the views were found broken at start-up: rebuilds them (see above). */
    @EventListener(ApplicationReadyEvent.class)
    public void resumeInterrupted() {
        if (bulkReplays.stream().anyMatch(BulkReplay::interrupted)) {
            log.warn("The read models must be rebuilt (a rebuild was cut short, or their tables were found broken at "
                    + "start-up): rebuilding");
            start();
        }
    }

    public Progress progress() {
        Run run = current;
        if (run == null) {
            return new Progress("IDLE", 0, 0, 0, null, null, null);
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
        return new Progress(end != null ? "DONE" : "RUNNING", done, run.total, Math.round(rate * 10) / 10.0, eta,
                run.startedAt, end);
    }

    @Override
    public Optional<Share> underWay() {
        Run run = current;
        if (run == null || run.finishedAt != null) {
            return Optional.empty(); // asked at every request: the common answer costs nothing
        }
        Progress p = progress();
        return "RUNNING".equals(p.state()) ? Optional.of(new Share(p.eventsDone(), p.eventsTotal())) : Optional.empty();
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
        while (!"DONE".equals(p.state())) {
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
