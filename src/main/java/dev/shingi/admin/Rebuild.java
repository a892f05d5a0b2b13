package dev.shingi.admin;

import dev.shingi.platform.Ledger;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * Rebuilds every read model from the event log: each streaming processor is stopped, its tokens reset (its reset
 * handlers clear its tables), and restarted; it then replays the log from the first event. Progress is the lowest
 * position any segment has reached against the head of the log when the rebuild began.
 */
@Component
public class Rebuild {
    private static final Logger log = LoggerFactory.getLogger(Rebuild.class);

    private final EventProcessingConfiguration processing;
    private final Ledger ledger;
    private volatile Run current;

    Rebuild(EventProcessingConfiguration processing, Ledger ledger) {
        this.processing = processing;
        this.ledger = ledger;
    }

    private record Run(Instant startedAt, long total, Instant finishedAt) {
    }

    /** What a client sees of a rebuild. Rates are events per second; ETA in seconds, null when unknown. */
    public record Progress(String state, long eventsDone, long eventsTotal, double eventsPerSecond, Long etaSeconds,
                           Instant startedAt, Instant finishedAt) {
    }

    /** Starts a rebuild, unless one is running; returns its progress. */
    public synchronized Progress start() {
        if (current != null && current.finishedAt() == null && !caughtUp(current.total())) {
            return progress();
        }
        long total = ledger.headPosition();
        List<StreamingEventProcessor> processors = processors();
        processors.forEach(StreamingEventProcessor::shutDown);
        try {
            processors.forEach(StreamingEventProcessor::resetTokens);
        } finally {
            current = new Run(Instant.now(), total, null);
            processors.forEach(StreamingEventProcessor::start);
        }
        log.info("Rebuilding {} processor(s) over {} events", processors.size(), total);
        return progress();
    }

    public Progress progress() {
        Run run = current;
        if (run == null) {
            return new Progress("IDLE", 0, 0, 0, null, null, null);
        }
        long done = Math.min(run.total(), lowestPosition());
        Instant end = run.finishedAt();
        if (end == null && done >= run.total() && caughtUp(run.total())) {
            end = Instant.now();
            current = run = new Run(run.startedAt(), run.total(), end);
            log.info("Rebuild done: {} events in {}", run.total(), Duration.between(run.startedAt(), end));
        }
        double seconds = Math.max(0.001, Duration.between(run.startedAt(), end != null ? end : Instant.now()).toMillis() / 1000.0);
        double rate = done / seconds;
        Long eta = end != null ? Long.valueOf(0) : rate > 0 ? (long) Math.ceil((run.total() - done) / rate) : null;
        return new Progress(end != null ? "DONE" : "RUNNING", done, run.total(), Math.round(rate * 10) / 10.0, eta,
                run.startedAt(), end);
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

    private boolean caughtUp(long total) {
        return lowestPosition() >= total;
    }

    private long lowestPosition() {
        long lowest = Long.MAX_VALUE;
        for (StreamingEventProcessor p : processors()) {
            if (p.processingStatus().isEmpty()) {
                return 0;
            }
            for (EventTrackerStatus s : p.processingStatus().values()) {
                OptionalLong position = s.getCurrentPosition();
                lowest = Math.min(lowest, position.orElse(0));
            }
        }
        return lowest == Long.MAX_VALUE ? 0 : lowest;
    }

    /** The read models: processors whose handlers can be reset (integrity checkpoints are not replayed). */
    private List<StreamingEventProcessor> processors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::supportsReset).toList();
    }
}
