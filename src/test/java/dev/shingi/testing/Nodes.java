package dev.shingi.testing;

import dev.shingi.admin.Rebuild;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shingi.platform.Ledger;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.context.ApplicationContext;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** What tests do with a running node (an application context): its processors, their segments, a replay. */
public final class Nodes {
    private Nodes() {
    }

    /**
     * Command-line arguments ({@code --key=value}) for SpringApplicationBuilder.run: unlike its default properties,
     * they win over application.yml.
     */
    public static String[] arguments(Map<String, String> properties, String... more) {
        List<String> args = new java.util.ArrayList<>();
        properties.forEach((k, v) -> args.add("--" + k + "=" + v));
        for (int i = 0; i + 1 < more.length; i += 2) {
            args.add("--" + more[i] + "=" + more[i + 1]);
        }
        return args.toArray(String[]::new);
    }

    /** HTTP to a node started with {@code server.port=0}. */
    public static Http http(ApplicationContext node) {
        return Http.localhost(Integer.parseInt(node.getEnvironment().getRequiredProperty("local.server.port")));
    }

    public static List<StreamingEventProcessor> processors(ApplicationContext node) {
        return node.getBean(EventProcessingConfiguration.class).eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .sorted(java.util.Comparator.comparing(StreamingEventProcessor::getName)).toList();
    }

    /** Share of each processor's segments this node holds (1.0 = all of them). */
    public static Map<String, Double> shares(ApplicationContext node) {
        Map<String, Double> shares = new LinkedHashMap<>();
        for (StreamingEventProcessor p : processors(node)) {
            double share = 0;
            for (EventTrackerStatus s : p.processingStatus().values()) {
                share += 1.0 / (s.getSegment().getMask() + 1);
            }
            shares.put(p.getName(), share);
        }
        return shares;
    }

    public static Map<String, List<Integer>> segments(ApplicationContext node) {
        Map<String, List<Integer>> segments = new LinkedHashMap<>();
        processors(node).forEach(p -> segments.put(p.getName(), p.processingStatus().keySet().stream().sorted().toList()));
        return segments;
    }

    public static boolean holdsEverySegment(ApplicationContext node) {
        return shares(node).values().stream().allMatch(s -> s > 0.999);
    }

    /**
     * Waits (up to two minutes: a loaded machine, a segment retrying after a transient error) until every processor
     * has processed everything stored. Each time a round of the application's own wait runs out, the processors'
     * status is printed, so that a slow catch-up is seen in the build's output and not only a failure.
     */
    public static void awaitCaughtUp(ApplicationContext node) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        Ledger ledger = node.getBean(Ledger.class);
        while (!ledger.awaitProjections()) {
            String status = status(node);
            if (System.nanoTime() > deadline) {
                throw new AssertionError("projections did not catch up to position " + ledger.headPosition()
                        + " within 2 minutes: " + status);
            }
            System.out.println("Projections not yet at position " + ledger.headPosition() + ": " + status);
        }
    }

    /** Each streaming processor's segments: token, and whether (and why) it is in error. */
    public static String status(ApplicationContext node) {
        StringBuilder s = new StringBuilder();
        for (StreamingEventProcessor p : processors(node)) {
            s.append(p.getName()).append(p.isRunning() ? "" : " (not running)").append(" {");
            p.processingStatus().forEach((segment, st) -> {
                s.append(' ').append(segment).append(": ").append(st.getTrackingToken());
                if (st.isErrorState()) {
                    s.append(" ERROR ").append(st.getError());
                }
                if (st.isReplaying()) {
                    s.append(" replaying");
                }
            });
            s.append(" } ");
        }
        return s.toString();
    }

    /**
     * Rebuilds every read model from the event log on this node as the application does ({@link Rebuild}: the views by
     * bulk replay, then their processor goes on), then waits until every processor has caught up. Needs this node to
     * hold every segment.
     */
    public static void rebuild(ApplicationContext node, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            Rebuild.Progress done = node.getBean(Rebuild.class).runToEnd(Duration.ofMillis(50), p -> {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Timed out after " + timeout + " waiting for the rebuild: " + p);
                }
            });
            if (done.eventsDone() != done.eventsTotal()) {
                throw new AssertionError("Rebuild done with " + done);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        await("the processors to claim every segment", timeout, () -> holdsEverySegment(node));
        // Caught up = every segment's position at the head. (Axon may go on calling it a replay for a while: until
        // the gaps a crash left in the global index, which the reset token remembers, are cleaned up.)
        awaitCaughtUp(node);
    }

    /** The five read models of a deliberation as the HTTP API answers them (ageDays, relative to today, left out). */
    public static Map<String, JsonNode> readModels(Http http, String deliberationId) {
        Map<String, JsonNode> views = new LinkedHashMap<>();
        for (String view : List.of("comments", "outstanding", "answers", "versions", "timeline")) {
            Http.Reply r = http.getOrFail("/api/deliberations/" + deliberationId + "/" + view);
            if (r.status() != 200) {
                throw new AssertionError(view + " answered " + r.status() + ": " + r.raw());
            }
            views.put(view, withoutAge(r.body().deepCopy()));
        }
        return views;
    }

    private static JsonNode withoutAge(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("ageDays");
        }
        node.forEach(Nodes::withoutAge);
        return node;
    }

    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
