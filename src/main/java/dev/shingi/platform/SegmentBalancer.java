package dev.shingi.platform;

import jakarta.annotation.PreDestroy;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Spreads the projections' segments over the nodes that share the database. Axon's tracking processors, without Axon
 * Server, never balance by themselves: the first node to start claims every segment it has threads for, and a later
 * node only gets what nobody holds. So each node says in {@code processing_node} that it is alive, and a node that
 * holds more than its share ({@code ceil(segments / live nodes)}) of a processor releases the surplus; Axon keeps a
 * released segment away from the releasing node for two claim intervals, time for a node with fewer to claim it.
 * A node that stops or dies leaves its segments to the others: released at once on a clean stop, or taken over when
 * its claims time out ({@code axon.eventhandling.tokenstore.claim-timeout}).
 * <p>
 * On only where several nodes can share the database ({@code shingi.processing.balance.enabled}, on in the
 * {@code postgres} profile); needs the PostgreSQL migration that creates {@code processing_node}.
 */
@Component
@ConditionalOnProperty(name = "shingi.processing.balance.enabled", havingValue = "true")
class SegmentBalancer {
    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final ProcessingProgress progress;
    private final JdbcTemplate jdbc;
    private final NodeId node;
    private final Duration interval;
    private final Duration releaseFor;
    /** Segments released and not yet let go by their worker (which finishes its batch first): processor/segment → until. */
    private final Map<String, Long> releasing = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "segment-balancer");
        t.setDaemon(true);
        return t;
    });

    SegmentBalancer(ProcessingProgress progress, JdbcTemplate jdbc, NodeId node,
                    @Value("${shingi.processing.balance.interval:5s}") Duration interval,
                    @Value("${shingi.processing.balance.release-for:10s}") Duration releaseFor) {
        this.progress = progress;
        this.jdbc = jdbc;
        this.node = node;
        this.interval = interval;
        this.releaseFor = releaseFor;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        heartbeat();
        scheduler.scheduleWithFixedDelay(this::run, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
        try {
            jdbc.update("DELETE FROM processing_node WHERE node_id = ?", node.value());
        } catch (RuntimeException e) {
            log.debug("Could not remove node {} from processing_node", node, e);
        }
    }

    private void run() {
        try {
            heartbeat();
            balance();
        } catch (RuntimeException e) {
            log.warn("Segment balancing failed; trying again in {}", interval, e);
        }
    }

    private void heartbeat() {
        if (jdbc.update("UPDATE processing_node SET seen_at = now() WHERE node_id = ?", node.value()) == 0) {
            jdbc.update("INSERT INTO processing_node (node_id) VALUES (?) ON CONFLICT (node_id) DO UPDATE SET seen_at = now()",
                    node.value());
        }
        jdbc.update("DELETE FROM processing_node WHERE seen_at < now() - interval '1 hour'");
    }

    /** Nodes seen within three intervals, this one included. */
    int liveNodes() {
        Integer n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM processing_node WHERE seen_at > now() - (? * interval '1 millisecond')",
                Integer.class, 3 * interval.toMillis());
        return Math.max(1, n == null ? 1 : n);
    }

    void balance() {
        int nodes = liveNodes();
        long now = System.currentTimeMillis();
        releasing.values().removeIf(until -> until < now);
        for (StreamingEventProcessor processor : progress.streamingProcessors()) {
            if (!processor.isRunning()) {
                continue;
            }
            int total = progress.storedTokens(processor.getName()).size();
            List<Integer> mine = processor.processingStatus().keySet().stream()
                    .filter(segment -> !releasing.containsKey(processor.getName() + "/" + segment))
                    .sorted(Comparator.reverseOrder()).toList();
            int share = (total + nodes - 1) / nodes;
            for (int i = 0; i < mine.size() - share; i++) {
                int segment = mine.get(i);
                log.info("Node {} holds {} of {} segments of '{}' with {} nodes alive; releasing segment {} for {}",
                        node, mine.size(), total, processor.getName(), nodes, segment, releaseFor);
                // long enough for the worker to finish its batch and another node to claim it at its next look
                processor.releaseSegment(segment, releaseFor.toMillis(), TimeUnit.MILLISECONDS);
                releasing.put(processor.getName() + "/" + segment, now + releaseFor.toMillis());
            }
        }
    }
}
