package dev.shingi.platform;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The one way the edge records things: send a command, and return once it is stored <em>and</em> every projection has
 * processed it, so that the client's next query already shows it (read-your-writes on this node).
 */
@Component
public class Ledger {
    private static final Logger log = LoggerFactory.getLogger(Ledger.class);

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final Duration catchUpTimeout;

    Ledger(CommandGateway commands, EventStore eventStore, EventProcessingConfiguration processing,
           @Value("${shingi.read-your-writes.timeout:10s}") Duration catchUpTimeout) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.processing = processing;
        this.catchUpTimeout = catchUpTimeout;
    }

    /** Stores the command's events (or throws the rule it breaks), without waiting for projections. */
    public <R> R record(Object command, MetaData metaData) {
        return commands.sendAndWait(command, metaData);
    }

    /** Stores, then waits until the projections show it. Returns false if they did not catch up within the timeout. */
    public <R> Recorded<R> recordAndCatchUp(Object command, MetaData metaData) {
        R result = record(command, metaData);
        return new Recorded<>(result, awaitProjections());
    }

    public record Recorded<R>(R result, boolean projectionsCaughtUp) {
    }

    /** The position of the last event stored, or 0 for an empty ledger. */
    public long headPosition() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    /** Waits until every streaming processor has processed everything stored so far. */
    public boolean awaitProjections() {
        TrackingToken head = eventStore.createHeadToken();
        long target = head == null ? -1 : head.position().orElse(-1);
        long deadline = System.nanoTime() + catchUpTimeout.toNanos();
        long pause = 200_000; // ns; grows to 5 ms
        while (!caughtUp(target)) {
            if (System.nanoTime() > deadline) {
                log.warn("Projections did not reach position {} within {}", target, catchUpTimeout);
                return false;
            }
            try {
                Thread.sleep(pause / 1_000_000, (int) (pause % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            pause = Math.min(pause * 2, 5_000_000);
        }
        return true;
    }

    private boolean caughtUp(long target) {
        if (target < 0) {
            return true;
        }
        for (StreamingEventProcessor processor : processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList()) {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            double covered = 0;
            for (EventTrackerStatus segment : status.values()) {
                OptionalLong position = segment.getCurrentPosition();
                if (segment.isErrorState() || position.isEmpty() || position.getAsLong() < target) {
                    return false;
                }
                covered += 1.0 / (segment.getSegment().getMask() + 1);
            }
            if (covered < 0.999) {
                return false; // some segment is not claimed yet
            }
        }
        return true;
    }
}
