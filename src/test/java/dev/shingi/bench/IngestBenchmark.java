package dev.shingi.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.shingi.ShingiApplication;
import dev.shingi.deliberation.api.Anchor;
import dev.shingi.deliberation.api.CommentKind;
import dev.shingi.deliberation.api.CommitmentKind;
import dev.shingi.deliberation.api.Disposition;
import dev.shingi.deliberation.api.NewCommitment;
import dev.shingi.deliberation.api.OpenDeliberation;
import dev.shingi.deliberation.api.PublishDraft;
import dev.shingi.deliberation.api.RaiseComment;
import dev.shingi.deliberation.api.RegisterParticipant;
import dev.shingi.deliberation.api.RespondToComment;
import dev.shingi.deliberation.api.Role;
import dev.shingi.platform.Durability;
import dev.shingi.platform.Ledger;
import dev.shingi.platform.RecordingMetadata;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import javax.sql.DataSource;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Ingest benchmark (a harness, not a test): starts the real application on a fresh embedded H2 file database, ingests
 * N comments, each answered (half of the answers with one commitment), through the command gateway with 1 client and
 * with 8 concurrent clients, then inserts and commits equivalent rows one by one with plain JDBC into the same
 * database, and prints commands/s, rows/s, their ratio and the peak heap. See docs/benchmarks.md.
 * <p>
 * System properties: {@code bench.n} (comma-separated, default "10000,100000"), {@code bench.clients} (comma-separated,
 * default "1,8"), {@code bench.dir} (default "bench-data"; wiped per N), {@code bench.warmup} (most comments to warm up
 * with, default 30,000; see {@link #warmUp}).
 */
public final class IngestBenchmark {

    static final String DELIBERATION = "bench";
    static final String SECRETARY = "sec";
    static final int MEMBERS = 50;
    static final int PAGES = 120;
    static final Instant OCCURRED = Instant.parse("2024-06-24T05:00:00Z");
    static final MetaData META = RecordingMetadata.of("bench", null, null);
    static final String TEXT = "第3章の記述について、前回会合での議論を踏まえ、対象範囲と経過措置を明確にするとともに、"
            + "関係省庁との役割分担を脚注で補足していただきたい。Also cite the 2024 guideline rather than the 2019 one.";
    static final String ANSWER = "ご指摘を踏まえ、第3章の対象範囲と経過措置を明確化し、役割分担を脚注に追記します。";

    private IngestBenchmark() {
    }

    record Phase(long n, String label, int clients, long commands, long events, double seconds, double catchUpSeconds,
                 long failures, long peakHeap, double cpuCores, double loadBefore, double raiseMicros,
                 double respondMicros, double clientCpuMicros, double cpuMicros) {
        double perSecond() {
            return commands / seconds;
        }
    }

    record Result(int n, Phase warmup, List<Phase> gateway, Phase jdbc, Phase jdbcAtEnd, long startupMs, long dbBytes, long peakHeap,
                  long liveHeapAfterGc) {
    }

    public static void main(String[] args) throws Exception {
        int[] ns = ints(System.getProperty("bench.n", "10000,100000"));
        int[] clients = ints(System.getProperty("bench.clients", "1,8"));
        Path base = Paths.get(System.getProperty("bench.dir", "bench-data")).toAbsolutePath();
        // Axon 4.13 reports anonymous usage to get.axoniq.io from a background thread; not part of what we measure
        System.setProperty("axoniq.update-checker.disabled", System.getProperty("axoniq.update-checker.disabled", "true"));
        HeapWatch heap = HeapWatch.start();

        System.out.printf("%nShingi ingest benchmark: N=%s, clients=%s, %d cores, %s, max heap %d MiB, data in %s%n",
                Arrays.toString(ns), Arrays.toString(clients), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, base);
        int status = 0;
        try {
            List<Result> results = new ArrayList<>();
            for (int n : ns) {
                results.add(run(n, clients, base.resolve("n" + n), heap));
            }
            summary(results);
        } catch (Throwable t) {
            t.printStackTrace();
            status = 1;
        } finally {
            heap.stop();
        }
        System.exit(status); // Axon leaves a non-daemon janitor thread behind; end the JVM either way
    }

    static Result run(int n, int[] clientCounts, Path dir, HeapWatch heap) throws Exception {
        wipe(dir);
        Files.createDirectories(dir);
        heap.resetTotal();
        long started = System.nanoTime();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ShingiApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run( // arguments, not default properties: those would lose to application.yml
                        "--shingi.data-dir=" + dir,
                        "--shingi.demo.enabled=false",
                        "--shingi.read-your-writes.timeout=30m",
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN");
        long startupMs = (System.nanoTime() - started) / 1_000_000;
        try {
            CommandGateway gateway = app.getBean(CommandGateway.class);
            Ledger ledger = app.getBean(Ledger.class);
            durability = app.getBean(Durability.class);
            DataSource dataSource = app.getBean(DataSource.class);
            System.out.printf("%n== N = %,d (application started in %,d ms; database %s)%n", n, startupMs, dir);

            setUp(gateway);
            Phase warmup = warmUp(gateway, ledger, heap, n, Integer.getInteger("bench.warmup", 30_000));
            ingest(gateway, ledger, heap, n, "warm-up, 8 clients", "x", WARM_UP_ROUND / 2, 8);
            rawJdbc(dataSource, durability, heap, n, 5_000, "warm-up", true);

            List<Phase> phases = new ArrayList<>();
            boolean sqlStats = Boolean.getBoolean("bench.sqlStats");
            for (int c : clientCounts) {
                if (sqlStats) {
                    sqlStatistics(dataSource, true);
                }
                Phase phase = ingest(gateway, ledger, heap, n, DURABLE_EACH, "c" + c + "-", n, c);
                phases.add(phase);
                if (c == 1) {
                    phases.add(ingest(gateway, ledger, heap, n, DURABLE_AT_END, "b" + c + "-", n, c));
                }
                if (sqlStats) {
                    printSqlStatistics(dataSource, phase.commands());
                    sqlStatistics(dataSource, false);
                }
            }
            long rows = phases.get(0).events(); // as many rows as the first (1-client) phase stored events
            Phase jdbc = rawJdbc(dataSource, durability, heap, n, rows, "raw JDBC", true);
            Phase jdbcAtEnd = rawJdbc(dataSource, durability, heap, n, rows, "raw JDBC, " + DURABLE_AT_END, false);

            long dbBytes = Files.size(dir.resolve("shingi.mv.db"));
            long peak = heap.total();
            long live = heap.liveAfterGc();
            return new Result(n, warmup, phases, jdbc, jdbcAtEnd, startupMs, dbBytes, peak, live);
        } finally {
            app.close();
        }
    }

    static final int WARM_UP_ROUND = 2_000;

    /**
     * Rounds of {@value #WARM_UP_ROUND} comments with 1 client until the client thread's CPU per command stops
     * falling (two rounds in a row not 5% below the best so far), at most {@code max} comments. A fixed warm-up is not
     * enough: on a busy machine C2 gets little CPU, and after 5,000 comments a command still cost twice the client CPU
     * it costs once compiled.
     */
    static Phase warmUp(CommandGateway gateway, Ledger ledger, HeapWatch heap, int n, int max) throws Exception {
        double best = Double.MAX_VALUE;
        int stale = 0;
        Phase last = null;
        for (int round = 1, done = 0; done < max && stale < 2; round++, done += WARM_UP_ROUND) {
            last = ingest(gateway, ledger, heap, n, "warm-up " + round + " (not counted)", "w" + round + "-",
                    Math.min(WARM_UP_ROUND, max - done), 1);
            if (last.clientCpuMicros() < best * 0.95) {
                best = last.clientCpuMicros();
                stale = 0;
            } else {
                stale++;
            }
        }
        return last;
    }

    /** One deliberation, 50 members and a secretary, and draft v1 with a page count: what every comment needs. */
    static void setUp(CommandGateway gateway) {
        gateway.sendAndWait(new OpenDeliberation(DELIBERATION, "ベンチマーク審議会 中間取りまとめ（案）", "Benchmark body", OCCURRED), META);
        for (int m = 1; m <= MEMBERS; m++) {
            gateway.sendAndWait(new RegisterParticipant(DELIBERATION, member(m), "委員" + m, Role.MEMBER, "構成員", null,
                    false, OCCURRED), META);
        }
        gateway.sendAndWait(new RegisterParticipant(DELIBERATION, SECRETARY, "佐藤", Role.SECRETARIAT, "企画官", "総務省",
                false, OCCURRED), META);
        gateway.sendAndWait(new PublishDraft(DELIBERATION, 1, "中間取りまとめ（案）", "資料1-1", PAGES, OCCURRED), META);
    }

    static String member(int m) {
        return String.format("m%02d", m);
    }

    /**
     * {@code comments} comments, each a RaiseComment then a RespondToComment by the secretary; every other answer
     * carries one commitment. Clients take the next comment from a shared counter. Timed until the last command
     * returned; then, separately, until every projection has caught up.
     */
    /** Phase labels: every command written to the file before the next is sent (what an HTTP client's 2xx means), */
    static final String DURABLE_EACH = "each durable";
    static Durability durability;
    /** or written once, at the end (an importer: Ledger.record for the last command, or Durability.awaitDurable). */
    static final String DURABLE_AT_END = "durable at end";

    static void send(CommandGateway gateway, Ledger ledger, boolean durableEach, Object command, MetaData meta) {
        if (durableEach) {
            ledger.record(command, meta);
        } else {
            gateway.sendAndWait(command, meta);
        }
    }

    static Phase ingest(CommandGateway gateway, Ledger ledger, HeapWatch heap, int n, String label, String prefix,
                        int comments, int clients) throws Exception {
        boolean durableEach = !DURABLE_AT_END.equals(label);
        ledger.awaitProjections(); // start with idle projections: a phase is not charged for the previous one's backlog
        heap.reset();
        double load = loadAverage();
        AtomicInteger next = new AtomicInteger();
        AtomicLong commands = new AtomicLong();
        AtomicLong events = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicLong raiseNanos = new AtomicLong();
        AtomicLong respondNanos = new AtomicLong();
        AtomicLong clientCpu = new AtomicLong();
        Runnable client = () -> {
            long threadCpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            for (int i = next.getAndIncrement(); i < comments; i = next.getAndIncrement()) {
                try {
                    String commentId = DELIBERATION + "-" + prefix + i;
                    Instant at = OCCURRED.plusSeconds(i);
                    long r0 = System.nanoTime();
                    send(gateway, ledger, durableEach, new RaiseComment(commentId, DELIBERATION, member(1 + i % MEMBERS), 1,
                            Anchor.page(1 + i % PAGES), CommentKind.CHANGE_REQUEST, TEXT, null, at), META);
                    long r1 = System.nanoTime();
                    commands.incrementAndGet();
                    events.incrementAndGet();
                    boolean promise = i % 2 == 0;
                    send(gateway, ledger, durableEach, new RespondToComment(commentId, commentId + "-r1", SECRETARY,
                            promise ? Disposition.ACCEPTED : Disposition.ANSWERED, ANSWER,
                            promise ? List.of(new NewCommitment(CommitmentKind.REVISE_DRAFT,
                                    "第3章の対象範囲と経過措置を明確化する", null, null)) : List.of(),
                            at.plusSeconds(60)), META);
                    long r2 = System.nanoTime();
                    raiseNanos.addAndGet(r1 - r0);
                    respondNanos.addAndGet(r2 - r1);
                    commands.incrementAndGet();
                    events.addAndGet(promise ? 2 : 1);
                } catch (RuntimeException e) {
                    if (failures.incrementAndGet() <= 3) {
                        e.printStackTrace();
                    }
                }
            }
            clientCpu.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - threadCpu0);
        };
        Durability.Shared shared0 = durability.shared();
        long cpu0 = cpuTime();
        long t0 = System.nanoTime();
        if (clients == 1) {
            client.run();
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    running.add(pool.submit(client));
                }
                for (Future<?> f : running) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
        }
        if (!durableEach) {
            durability.awaitDurable();
        }
        long t1 = System.nanoTime();
        long cpu1 = cpuTime();
        ledger.awaitProjections();
        long t2 = System.nanoTime();
        long cpu2 = cpuTime();
        Phase p = new Phase(n, label, clients, commands.get(), events.get(), (t1 - t0) / 1e9, (t2 - t0) / 1e9,
                failures.get(), heap.peak(), (double) (cpu1 - cpu0) / (t1 - t0), load,
                raiseNanos.get() / 1e3 / Math.max(1, comments), respondNanos.get() / 1e3 / Math.max(1, comments),
                clientCpu.get() / 1e3 / Math.max(1, commands.get()), (cpu2 - cpu0) / 1e3 / Math.max(1, commands.get()));
        System.out.printf(Locale.ROOT, "  %-24s %d client(s): %,9d commands (%,9d events) in %7.2f s = %,8.0f commands/s;"
                        + " projections caught up after %7.2f s; %d failures; peak heap %,d MiB; JVM used %.2f cores"
                        + " (%.0f µs CPU per command until the projections caught up, %.0f µs of it in the client threads);"
                        + " latency raise %.0f µs, respond %.0f µs; load before %.2f%n",
                label, clients, p.commands(), p.events(), p.seconds(), p.perSecond(), p.catchUpSeconds(), p.failures(),
                p.peakHeap() >> 20, p.cpuCores(), p.cpuMicros(), p.clientCpuMicros(),
                p.raiseMicros(), p.respondMicros(), p.loadBefore());
        Durability.Shared shared1 = durability.shared();
        long chunks = shared1.chunks() - shared0.chunks();
        System.out.printf(Locale.ROOT, "    group commit: %,d durable waits served by %,d chunk writes (%.2f per chunk)%n",
                shared1.callers() - shared0.callers(), chunks,
                (double) (shared1.callers() - shared0.callers()) / Math.max(1, chunks));
        return p;
    }

    /**
     * The floor under the command path: the same database, rows of DomainEventEntry's shape and size (copied from
     * the events the benchmark just stored, with fresh identifiers), inserted one by one, each in its own transaction
     * and, with {@code eachDurable}, written to the database file before the next (what the ledger does before
     * acknowledging a command); without, written once after the last (what a batch of commands waits for).
     */
    static Phase rawJdbc(DataSource dataSource, Durability durability, HeapWatch heap, int n, long rows, String label,
                         boolean eachDurable) throws SQLException {
        List<Object[]> sample = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_event_entry");
            s.execute("""
                    CREATE TABLE bench_event_entry (
                        globalIndex         BIGINT GENERATED BY DEFAULT AS IDENTITY (START WITH 1 INCREMENT BY 1) PRIMARY KEY,
                        aggregateIdentifier VARCHAR(255)  NOT NULL,
                        sequenceNumber      BIGINT        NOT NULL,
                        type                VARCHAR(255),
                        eventIdentifier     VARCHAR(255)  NOT NULL,
                        metaData            VARBINARY,
                        payload             VARBINARY     NOT NULL,
                        payloadRevision     VARCHAR(255),
                        payloadType         VARCHAR(255)  NOT NULL,
                        timeStamp           VARCHAR(255)  NOT NULL,
                        CONSTRAINT uk_bench_aggregate_sequence UNIQUE (aggregateIdentifier, sequenceNumber),
                        CONSTRAINT uk_bench_identifier UNIQUE (eventIdentifier))""");
            try (ResultSet r = s.executeQuery("""
                    SELECT aggregateIdentifier, sequenceNumber, type, metaData, payload, payloadRevision, payloadType,
                           timeStamp
                    FROM DomainEventEntry WHERE type = 'Comment' ORDER BY globalIndex DESC LIMIT 2500""")) {
                while (r.next()) {
                    sample.add(new Object[]{r.getString(1), r.getLong(2), r.getString(3), r.getBytes(4), r.getBytes(5),
                            r.getString(6), r.getString(7), r.getString(8)});
                }
            }
        }
        heap.reset();
        double load = loadAverage();
        long cpu0 = cpuTime();
        long t0;
        long t1;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO bench_event_entry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData,
                        payload, payloadRevision, payloadType, timeStamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                t0 = System.nanoTime();
                for (long i = 0; i < rows; i++) {
                    Object[] row = sample.get((int) (i % sample.size()));
                    insert.setString(1, row[0] + "~" + (i / sample.size()));
                    insert.setLong(2, (Long) row[1]);
                    insert.setString(3, (String) row[2]);
                    insert.setString(4, UUID.randomUUID().toString());
                    insert.setBytes(5, (byte[]) row[3]);
                    insert.setBytes(6, (byte[]) row[4]);
                    insert.setString(7, (String) row[5]);
                    insert.setString(8, (String) row[6]);
                    insert.setString(9, Instant.now().toString());
                    insert.executeUpdate();
                    c.commit();
                    if (eachDurable) {
                        durability.awaitDurable(); // in the file, as an acknowledged command is
                    }
                }
                if (!eachDurable) {
                    durability.awaitDurable();
                }
                t1 = System.nanoTime();
            }
            c.setAutoCommit(true);
        }
        long cpu1 = cpuTime();
        Phase p = new Phase(n, label, 1, rows, rows, (t1 - t0) / 1e9, (t1 - t0) / 1e9, 0, heap.peak(),
                (double) (cpu1 - cpu0) / (t1 - t0), load, 0, 0, 0, (cpu1 - cpu0) / 1e3 / rows);
        System.out.printf(Locale.ROOT, "  %-24s 1 client(s): %,9d rows inserted and committed one by one in %7.2f s = %,8.0f rows/s"
                        + " (%d sample rows, avg payload %,d B); JVM used %.2f cores; load before %.2f%n",
                label, rows, p.seconds(), p.perSecond(), sample.size(),
                (long) sample.stream().mapToInt(r -> ((byte[]) r[4]).length).average().orElse(0), p.cpuCores(),
                p.loadBefore());
        return p;
    }

    static void summary(List<Result> results) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%n== Summary (%d cores, %s %s, max heap %,d MiB)%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20));
        s.append("| N | clients | commands | events | time (s) | commands/s | events/s | projections caught up (s) "
                + "| raw JDBC rows/s | ratio commands/s ÷ rows/s | CPU µs per command (client thread) | CPU µs per raw row "
                + "| ratio by CPU | peak heap (MiB) | JVM cores used | load before | failures |\n");
        s.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Result r : results) {
            for (Phase p : r.gateway()) {
                double cpuPerCommand = p.cpuMicros();
                Phase raw = DURABLE_AT_END.equals(p.label()) ? r.jdbcAtEnd() : r.jdbc();
                double cpuPerRow = raw.cpuMicros();
                s.append(String.format(Locale.ROOT, "| %,d | %s | %,d | %,d | %.1f | %,.0f | %,.0f | %.1f | %,.0f | %.3f "
                                + "| %,.0f (%,.0f) | %.0f | %.3f | %,d | %.2f | %.2f | %d |%n",
                        r.n(), p.clients() + (DURABLE_AT_END.equals(p.label()) ? ", durable at end" : ""), p.commands(), p.events(), p.seconds(), p.perSecond(),
                        p.events() / p.seconds(), p.catchUpSeconds(), raw.perSecond(),
                        p.perSecond() / raw.perSecond(), cpuPerCommand, p.clientCpuMicros(), cpuPerRow,
                        cpuPerRow / cpuPerCommand, p.peakHeap() >> 20, p.cpuCores(), p.loadBefore(), p.failures()));
            }
        }
        s.append("\nCPU per command is the whole JVM's (projections, event store, H2, JIT and GC included) from the first"
                + " command until the projections had caught up; the ratio by CPU (CPU per raw row ÷ CPU per command)"
                + " hardly depends on how much of the machine other processes took.\n");
        s.append("\n| N | raw JDBC rows | time (s) | rows/s | peak heap whole run (MiB) | live heap after GC (MiB) "
                + "| database file (MiB) | startup (ms) |\n");
        s.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Result r : results) {
            s.append(String.format(Locale.ROOT, "| %,d | %,d | %.1f | %,.0f | %,d | %,d | %,d | %,d |%n",
                    r.n(), r.jdbc().commands(), r.jdbc().seconds(), r.jdbc().perSecond(), r.peakHeap() >> 20,
                    r.liveHeapAfterGc() >> 20, r.dbBytes() >> 20, r.startupMs()));
        }
        System.out.println(s);
    }

    /** H2's per-statement counters (SET QUERY_STATISTICS): costs a little, so only with -Dbench.sqlStats=true. */
    static void sqlStatistics(DataSource dataSource, boolean on) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET QUERY_STATISTICS_MAX_ENTRIES 500");
            s.execute("SET QUERY_STATISTICS FALSE"); // clears the counters
            if (on) {
                s.execute("SET QUERY_STATISTICS TRUE");
            }
        }
    }

    /** What the database executed per command during the phase (projections included), busiest statements first. */
    static void printSqlStatistics(DataSource dataSource, long commands) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT SQL_STATEMENT, EXECUTION_COUNT, CUMULATIVE_EXECUTION_TIME"
                     + " FROM INFORMATION_SCHEMA.QUERY_STATISTICS ORDER BY EXECUTION_COUNT DESC")) {
            long total = 0;
            double ms = 0;
            List<String> lines = new ArrayList<>();
            while (r.next()) {
                String sql = r.getString(1).replaceAll("\\s+", " ");
                if (sql.contains("QUERY_STATISTICS")) {
                    continue;
                }
                long count = r.getLong(2);
                total += count;
                ms += r.getDouble(3);
                lines.add(String.format(Locale.ROOT, "      %6.2f per command, %8.1f ms in all  %s", (double) count / commands,
                        r.getDouble(3), sql.length() > 110 ? sql.substring(0, 110) + "…" : sql));
            }
            System.out.printf(Locale.ROOT, "    SQL: %.2f statements per command (%.0f µs executing them per command),"
                    + " by statement:%n", (double) total / commands, ms * 1000 / commands);
            lines.stream().limit(30).forEach(System.out::println);
        }
    }

    /** CPU time of this JVM (all threads, GC and JIT included), in ns. */
    static long cpuTime() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The machine's 1-minute load average: other builds on a shared machine show up here. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static int[] ints(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(x -> !x.isEmpty()).mapToInt(Integer::parseInt)
                .toArray();
    }

    static void wipe(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * Peak heap in use: the larger of a 50 ms sampler and the heap in use just before each collection (the true
     * high-water marks, reported by GC notifications). {@link #reset()} starts a new window; {@link #peak()} is the
     * maximum since then, {@link #total()} since {@link #resetTotal()}.
     */
    static final class HeapWatch {
        private final AtomicLong windowPeak = new AtomicLong();
        private final AtomicLong totalPeak = new AtomicLong();
        private final Thread sampler;
        private volatile boolean running = true;

        private HeapWatch() {
            sampler = new Thread(() -> {
                while (running) {
                    record(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-watch");
            sampler.setDaemon(true);
        }

        static HeapWatch start() {
            HeapWatch w = new HeapWatch();
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener((notification, handback) -> {
                        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                            GarbageCollectionNotificationInfo info =
                                    GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                            long before = 0;
                            for (var e : info.getGcInfo().getMemoryUsageBeforeGc().entrySet()) {
                                if (isHeap(e.getKey())) {
                                    before += e.getValue().getUsed();
                                }
                            }
                            w.record(before);
                        }
                    }, null, null);
                }
            }
            w.sampler.start();
            return w;
        }

        private static boolean isHeap(String pool) {
            return ManagementFactory.getMemoryPoolMXBeans().stream()
                    .anyMatch(p -> p.getName().equals(pool) && p.getType() == java.lang.management.MemoryType.HEAP);
        }

        private void record(long used) {
            windowPeak.accumulateAndGet(used, Math::max);
            totalPeak.accumulateAndGet(used, Math::max);
        }

        void reset() {
            windowPeak.set(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }

        void resetTotal() {
            reset();
            totalPeak.set(windowPeak.get());
        }

        long peak() {
            return windowPeak.get();
        }

        long total() {
            return totalPeak.get();
        }

        /** Heap in use after a full collection: what the run really keeps alive. */
        long liveAfterGc() {
            System.gc();
            MemoryUsage u = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            return u.getUsed();
        }

        void stop() {
            running = false;
            sampler.interrupt();
        }
    }
}
