package dev.shingi.bench;

import dev.shingi.ShingiApplication;
import dev.shingi.admin.Rebuild;
import dev.shingi.deliberation.api.AsOf;
import dev.shingi.deliberation.api.CommentSummary;
import dev.shingi.deliberation.api.CommitmentSummary;
import dev.shingi.deliberation.api.DeliberationEvent;
import dev.shingi.deliberation.api.FindOutstanding;
import dev.shingi.deliberation.api.Outstanding;
import dev.shingi.testing.TestDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Time-travel benchmark (docs/benchmarks.md, "Time travel: rebuild and as-of queries"). A harness, not a test: run it
 * with {@code ./mvnw -B -o -Pbench-temporal -DskipTests verify}.
 * <p>
 * For each size, in one JVM and a fresh data directory: generate one deliberation's log straight into the event
 * store ({@link DeliberationGenerator}), then
 * <ol>
 * <li>rebuild every projection from it ({@link Rebuild#runToEnd}) and measure events per second;</li>
 * <li>ask {@link FindOutstanding} through the query gateway for random (at, knownAt) pairs: p50/p99/max;</li>
 * <li>answer the same pairs with the naive fold ({@link NaiveFold}) over the log read once into memory;</li>
 * <li>cross-check both answers for a sample of pairs;</li>
 * </ol>
 * recording the peak heap (sum of the heap pools' peak usage, reset before each phase) of each phase.
 * <p>
 * System properties: {@code bench.sizes} (default 10000,100000,1000000), {@code bench.queries} (2000),
 * {@code bench.warmup} (500), {@code bench.check} (200 pairs cross-checked), {@code bench.dir}
 * (target/bench-temporal), {@code bench.keep} (keep the data directories), {@code bench.reuse} (with a directory
 * kept by an earlier run of the same size and schema: skip generating and rebuilding, and measure the queries only —
 * to compare JVM or database settings on the same data; the log is regenerated in memory for its timestamps),
 * {@code bench.fold} (false: skip the naive fold and the cross-check). With {@code shingi.test.database=postgres}
 * (and a server: {@code scripts/pg-test-server.sh start}) each size runs on a new schema of that PostgreSQL server
 * instead of an H2 file ({@link TestDatabase}); {@code bench.reuse} is then ignored.
 */
public final class TemporalBenchmark {

    private static final long SEED = 20251126L;
    /** Instants are drawn after this much of the deliberation, so that even the smallest one is in full swing. */
    private static final long SETTLE = 30 * DeliberationGenerator.DAY;
    /** The ledger's knowledge is drawn up to this long after the instant asked about. */
    private static final long KNOWN_WITHIN = 90 * DeliberationGenerator.DAY;

    record Result(long events, int comments, double generateSeconds, double rebuildSeconds, double rebuildRate,
                  double rebuildCpuSeconds, long rebuildHeap, double[] outstanding, double queryCpuMillis,
                  double meanComments, double meanCommitments, long queryHeap,
                  double readSeconds, int naiveSamples, double[] naive, long naiveHeap, int checked, int mismatches,
                  long dbBytes) {
    }

    private TemporalBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long[] sizes = Arrays.stream(System.getProperty("bench.sizes", "10000,100000,1000000").split(","))
                .map(String::trim).mapToLong(Long::parseLong).toArray();
        int queries = Integer.getInteger("bench.queries", 2000);
        int warmup = Integer.getInteger("bench.warmup", 500);
        int check = Integer.getInteger("bench.check", 200);
        Path root = Path.of(System.getProperty("bench.dir", "target/bench-temporal")).toAbsolutePath();
        boolean keep = Boolean.getBoolean("bench.keep");
        Files.createDirectories(root);

        String machine = TestDatabase.name() + ", nproc=" + Runtime.getRuntime().availableProcessors() + ", "
                + System.getProperty("java.vm.name")
                + " " + System.getProperty("java.runtime.version") + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch");
        say("Time-travel benchmark: sizes %s, %d queries (+%d warm-up), %s", Arrays.toString(sizes), queries, warmup,
                machine);
        List<Result> results = new ArrayList<>();
        try {
            for (long size : sizes) {
                results.add(run(size, queries, warmup, check, root, keep));
                String table = table(results, machine);
                System.out.println();
                System.out.println(table);
                Files.writeString(root.resolve("results.md"), table);
            }
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1); // Axon's threads would keep the JVM alive
        }
        System.exit(0);
    }

    private static Result run(long size, int queries, int warmup, int check, Path root, boolean keep) throws Exception {
        String deliberationId = "bench-" + size;
        Path dir = root.resolve("n" + size);
        boolean postgres = TestDatabase.postgres();
        boolean reuse = !postgres && Boolean.getBoolean("bench.reuse") && Files.isDirectory(dir);
        if (!reuse) {
            deleteRecursively(dir);
            Files.createDirectories(dir);
        }
        List<String> arguments = new ArrayList<>(List.of("--shingi.demo.enabled=false", "--spring.main.banner-mode=off",
                "--logging.level.root=WARN", "--axon.update-check.disabled=true"));
        Map<String, String> store = postgres ? TestDatabase.fresh("bench" + size) : Map.of("shingi.data-dir", dir.toString());
        store.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        say("== %,d events: data in %s", size, postgres ? "PostgreSQL, " + store : dir);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ShingiApplication.class)
                .web(WebApplicationType.NONE)
                .profiles(TestDatabase.profiles())
                .run(arguments.toArray(String[]::new));
        try {
            // the log is written with the projections stopped, so that the rebuild alone reads it
            stopProcessors(app);
            EventStorageEngine engine = app.getBean(EventStorageEngine.class);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            DeliberationGenerator generator = new DeliberationGenerator(deliberationId, size, SEED);
            long t0 = System.nanoTime();
            generator.generate(2000, reuse ? batch -> { } : engine::appendEvents);
            double generateSeconds = seconds(t0);
            Map<String, Object> stored = jdbc.queryForMap(
                    "SELECT COUNT(*) AS n, MIN(globalIndex) AS lo, MAX(globalIndex) AS hi FROM DomainEventEntry");
            // a kept directory may also hold the application's own later events (integrity checkpoints)
            if (reuse ? ((Number) stored.get("n")).longValue() < size : ((Number) stored.get("n")).longValue() != size
                    || ((Number) stored.get("lo")).longValue() != 1 || ((Number) stored.get("hi")).longValue() != size) {
                throw new IllegalStateException("Expected positions 1.." + size + ", the store holds " + stored);
            }
            say("generated %,d events (%,d comments, occurred %s .. %s) in %.1f s: %s", size, generator.comments(),
                    Instant.ofEpochMilli(generator.firstOccurred()), Instant.ofEpochMilli(generator.lastOccurred()),
                    generateSeconds, new TreeMap<>(generator.eventCounts()));

            // (1) rebuild (not when reusing a kept directory: its views are built)
            double rebuildSeconds = Double.NaN;
            double rate = Double.NaN;
            double rebuildCpu = Double.NaN;
            long rebuildHeap = 0;
            if (!reuse) {
                Rebuild rebuild = app.getBean(Rebuild.class);
                System.gc();
                resetPeaks();
                long r0 = System.nanoTime();
                long processCpu0 = processCpuNanos();
                long[] lastReport = {r0};
                Rebuild.Progress done = rebuild.runToEnd(Duration.ofMillis(20), p -> {
                    if (System.nanoTime() - lastReport[0] > 10_000_000_000L) {
                        lastReport[0] = System.nanoTime();
                        say("  rebuild %,d/%,d at %,.0f events/s", p.eventsDone(), p.eventsTotal(), p.eventsPerSecond());
                    }
                });
                rebuildSeconds = seconds(r0);
                double rebuildProcessCpu = (processCpuNanos() - processCpu0) / 1e9;
                // the views are filled by the bulk replay's own thread, then the processor's threads go on
                rebuildCpu = processorCpuSeconds() + rebuild.bulkCpuSeconds();
                rebuildHeap = peakHeap();
                rate = size / rebuildSeconds;
                say("rebuild: %,d events in %.2f s = %,.0f events/s (Rebuild reports %,.0f); processor threads used %.1f"
                                + " CPU s with the bulk replay's threads (%,.0f events per CPU second), the whole JVM %.1f CPU s (GC,"
                        + " H2's writer); peak heap %d MB", size, rebuildSeconds, rate, done.eventsPerSecond(), rebuildCpu,
                        size / rebuildCpu, rebuildProcessCpu, rebuildHeap >> 20);
            }

            // (2) as-of outstanding through the query gateway
            long[] ts = generator.timestamps();
            long lo = generator.firstOccurred() + SETTLE;
            long hi = generator.lastOccurred();
            long[][] warm = pairs(new SplittableRandom(SEED + 1), warmup, lo, hi, ts);
            long[][] pairs = pairs(new SplittableRandom(SEED + 2), queries, lo, hi, ts);
            QueryGateway gateway = app.getBean(QueryGateway.class);
            for (long[] p : warm) {
                outstanding(gateway, deliberationId, p);
            }
            // after a rebuild, H2's background writer may still be writing and compacting the file: with
            // -Dbench.settle=N the queries start once the JVM has spent under 10 % of a core for N seconds in a row
            settle(Integer.getInteger("bench.settle", 0));
            System.gc();
            resetPeaks();
            double[] latencies = new double[pairs.length];
            long queryProcessCpu0 = processCpuNanos();
            long queryWall0 = System.nanoTime();
            double[] cpus = new double[pairs.length];
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            long rowsComments = 0;
            long rowsCommitments = 0;
            List<NaiveFold.Answer> projected = new ArrayList<>();
            for (int i = 0; i < pairs.length; i++) {
                long q0 = System.nanoTime();
                long c0 = THREADS.getCurrentThreadCpuTime();
                Outstanding o = outstanding(gateway, deliberationId, pairs[i]);
                latencies[i] = (System.nanoTime() - q0) / 1e6;
                cpus[i] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e6;
                rowsComments += o.comments().size();
                rowsCommitments += o.commitments().size();
                if (i < check) {
                    projected.add(new NaiveFold.Answer(
                            o.comments().stream().map(CommentSummary::commentId).collect(Collectors.toCollection(TreeSet::new)),
                            o.commitments().stream().map(CommitmentSummary::commitmentId)
                                    .collect(Collectors.toCollection(TreeSet::new))));
                }
            }
            double queryCpu = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e6 / pairs.length;
            double otherCpuShare = ((processCpuNanos() - queryProcessCpu0) / 1e6 / pairs.length - queryCpu)
                    * pairs.length / ((System.nanoTime() - queryWall0) / 1e6);
            long queryHeap = peakHeap();
            double[] outstanding = percentiles(latencies);
            // the query's own CPU, per query: a tail in wall-clock time that is not here is the machine's (other
            // processes, GC threads), not the query's
            double[] cpu = percentiles(cpus);
            say("outstanding: p50 %.2f ms, p99 %.2f ms, max %.2f ms (%.2f CPU ms per query on average; CPU p50 %.2f,"
                            + " p99 %.2f, max %.2f ms); answer %.0f comments + %.0f commitments on average; peak heap"
                            + " %d MB; the JVM's other threads meanwhile used %.0f %% of a core", outstanding[0],
                    outstanding[1], outstanding[2], queryCpu, cpu[0], cpu[1], cpu[2],
                    rowsComments / (double) pairs.length, rowsCommitments / (double) pairs.length, queryHeap >> 20,
                    otherCpuShare * 100);

            // (3) naive fold over the log, read once
            System.gc();
            resetPeaks();
            long n0 = System.nanoTime();
            // the fold costs O(position): fewer samples for the larger logs (at least 100); none with -Dbench.fold=false
            int samples = Boolean.parseBoolean(System.getProperty("bench.fold", "true"))
                    ? (int) Math.min(pairs.length, Math.max(100, 100_000_000L / size)) : 0;
            List<NaiveFold.Logged> log = new ArrayList<>(samples == 0 ? 0 : (int) size);
            if (samples > 0) {
                try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(null, false)) {
                    stream.forEach(m -> {
                        if (m.getPayload() instanceof DeliberationEvent e && e.deliberationId().equals(deliberationId)) {
                            log.add(new NaiveFold.Logged(m.trackingToken().position().orElseThrow(), e));
                        }
                    });
                }
            }
            double readSeconds = seconds(n0);
            NaiveFold naive = new NaiveFold(NaiveFold.sorted(log));
            double[] naiveLatencies = new double[samples];
            int mismatches = 0;
            int checked = 0;
            for (int i = 0; i < samples; i++) {
                long q0 = System.nanoTime();
                NaiveFold.Answer a = naive.outstanding(pairs[i][0], pairs[i][1]);
                naiveLatencies[i] = (System.nanoTime() - q0) / 1e6;
                if (i < Math.min(check, projected.size())) {
                    checked++;
                    NaiveFold.Answer p = projected.get(i);
                    if (!p.equals(a)) {
                        if (mismatches++ < 5) {
                            warn("as of at=%s position=%d the projection and the naive fold disagree:%s%s",
                                    Instant.ofEpochMilli(pairs[i][0]), pairs[i][1],
                                    diff("comments", p.comments(), a.comments()),
                                    diff("commitments", p.commitments(), a.commitments()));
                        }
                    }
                }
            }
            long naiveHeap = peakHeap();
            double[] naivePercentiles = percentiles(naiveLatencies);
            say("naive fold: log read in %.1f s; %d samples: p50 %.2f ms, p99 %.2f ms; peak heap %d MB", readSeconds,
                    samples, naivePercentiles[0], naivePercentiles[1], naiveHeap >> 20);
            if (mismatches > 0) {
                warn("%d of %d cross-checked answers differ", mismatches, checked);
            } else {
                say("cross-check: the projection and the naive fold agree on all %d pairs", checked);
            }
            log.clear();
            return new Result(size, generator.comments(), generateSeconds, rebuildSeconds, rate, rebuildCpu, rebuildHeap,
                    outstanding, queryCpu, rowsComments / (double) pairs.length, rowsCommitments / (double) pairs.length,
                    queryHeap, readSeconds, samples, naivePercentiles, naiveHeap, checked, mismatches,
                    postgres ? schemaBytes(jdbc) : size(dir));
        } finally {
            app.close();
            if (!keep) {
                deleteRecursively(dir);
            }
        }
    }

    private static Outstanding outstanding(QueryGateway gateway, String deliberationId, long[] pair) {
        return gateway.query(new FindOutstanding(deliberationId, new AsOf(Instant.ofEpochMilli(pair[0]), pair[1])),
                Outstanding.class).join();
    }

    /**
     * Random (at, position) pairs: {@code at} uniform over the deliberation after its first month; the knowledge
     * {@code knownAt} uniform within 90 days after {@code at} (capped at the end of the log), as the position of the
     * last event recorded by then.
     */
    private static long[][] pairs(SplittableRandom random, int n, long lo, long hi, long[] timestamps) {
        long end = timestamps[timestamps.length - 1];
        long[][] pairs = new long[n][];
        for (int i = 0; i < n; i++) {
            long at = lo + random.nextLong(Math.max(1, hi - lo));
            long knownAt = Math.min(end, at + random.nextLong(KNOWN_WITHIN));
            pairs[i] = new long[]{at, positionAt(timestamps, knownAt)};
        }
        return pairs;
    }

    /** The last position recorded at or before {@code t} (timestamps are 1-based and increasing). */
    private static long positionAt(long[] timestamps, long t) {
        int lo = 1;
        int hi = timestamps.length - 1;
        int found = 0;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (timestamps[mid] <= t) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    private static void stopProcessors(ConfigurableApplicationContext app) throws InterruptedException {
        EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
        for (EventProcessor p : processing.eventProcessors().values()) {
            if (p instanceof StreamingEventProcessor s) {
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (s.processingStatus().isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(20); // let it claim its segments and store its first tokens
                }
                s.shutDown();
            }
        }
    }

    private static String diff(String what, Set<String> projected, Set<String> naive) {
        Set<String> onlyProjected = new TreeSet<>(projected);
        onlyProjected.removeAll(naive);
        Set<String> onlyNaive = new TreeSet<>(naive);
        onlyNaive.removeAll(projected);
        if (onlyProjected.isEmpty() && onlyNaive.isEmpty()) {
            return "";
        }
        return "\n    " + what + " only in the projection " + first(onlyProjected) + ", only in the fold " + first(onlyNaive);
    }

    private static String first(Set<String> s) {
        return s.size() <= 5 ? s.toString() : s.stream().limit(5).toList() + " and " + (s.size() - 5) + " more";
    }

    private static double[] percentiles(double[] values) {
        if (values.length == 0) {
            return new double[]{Double.NaN, Double.NaN, Double.NaN};
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new double[]{at(sorted, 0.50), at(sorted, 0.99), sorted[sorted.length - 1]};
    }

    /** Nearest-rank percentile. */
    private static double at(double[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * CPU time of the "views" processor's threads (started by the rebuild): on a shared machine, events per CPU second
     * say more about the code than events per wall-clock second.
     */
    private static double processorCpuSeconds() {
        long nanos = 0;
        for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith("EventProcessor[views]")) {
                nanos += Math.max(0, THREADS.getThreadCpuTime(t.getThreadId()));
            }
        }
        return nanos / 1e9;
    }

    /** Waits until the JVM has used under 10 % of a core for {@code seconds} seconds in a row (at most 10 minutes). */
    private static void settle(int seconds) throws InterruptedException {
        if (seconds <= 0) {
            return;
        }
        long t0 = System.nanoTime();
        int quiet = 0;
        while (quiet < seconds && System.nanoTime() - t0 < 600_000_000_000L) {
            long c0 = processCpuNanos();
            Thread.sleep(1000);
            quiet = processCpuNanos() - c0 < 100_000_000L ? quiet + 1 : 0;
        }
        say("settled after %.0f s", (System.nanoTime() - t0) / 1e9);
    }

    /** CPU time of the whole JVM: every thread, the garbage collector's and H2's background writer's too. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Sum of the heap pools' peak usage since the last reset (pools peak at different moments: an upper bound). */
    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** PostgreSQL: the current schema's tables, with their indexes and TOAST. */
    private static long schemaBytes(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'",
                Long.class);
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static String table(List<Result> results, String machine) {
        StringBuilder s = new StringBuilder();
        s.append("Machine: ").append(machine).append("\n\n");
        s.append("| events | comments | rebuild | rebuild events/s | events per processor CPU s | rebuild peak heap "
                + "| outstanding p50 / p99 / max | CPU per query | answer (comments + commitments) | query peak heap "
                + "| naive fold p50 / p99 (samples) | naive peak heap | cross-check | " + (TestDatabase.postgres() ? "PostgreSQL schema" : "H2 file") + " |\n");
        s.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Result r : results) {
            s.append(String.format("| %,d | %,d | %.1f s | **%,.0f** | %,.0f | %d MB | **%.2f / %.2f / %.2f ms** "
                            + "| %.2f ms | %.0f + %.0f | %d MB | %.2f / %.2f ms (%d) | %d MB | %s | %d MB |%n",
                    r.events(), r.comments(), r.rebuildSeconds(), r.rebuildRate(), r.events() / r.rebuildCpuSeconds(),
                    r.rebuildHeap() >> 20, r.outstanding()[0], r.outstanding()[1], r.outstanding()[2],
                    r.queryCpuMillis(), r.meanComments(), r.meanCommitments(),
                    r.queryHeap() >> 20, r.naive()[0], r.naive()[1], r.naiveSamples(), r.naiveHeap() >> 20,
                    r.mismatches() == 0 ? r.checked() + "/" + r.checked() + " agree"
                            : r.mismatches() + "/" + r.checked() + " DIFFER",
                    r.dbBytes() >> 20));
        }
        s.append("\nGeneration (not timed as part of the benchmark): ");
        s.append(results.stream().map(r -> String.format("%,d events in %.1f s", r.events(), r.generateSeconds()))
                .collect(Collectors.joining("; ")));
        s.append(". Naive fold: the log read once into memory (")
                .append(results.stream().map(r -> String.format("%.1f s", r.readSeconds())).collect(Collectors.joining(", ")))
                .append("), then folded from the first event for every question.\n");
        return s.toString();
    }

    private static void say(String format, Object... args) {
        System.out.printf("[tbench] " + format + "%n", args);
        System.out.flush();
    }

    private static void warn(String format, Object... args) {
        System.out.printf("[tbench] WARNING: " + format + "%n", args);
        System.out.flush();
    }
}
