package dev.shingi.load;

import dev.shingi.testing.AppProcess;
import dev.shingi.testing.Http;
import dev.shingi.testing.TestDatabase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Load, measured: Shingi in a JVM of its own on loopback, and {@code load.clients} (16) HTTP clients, each sending its
 * next request as soon as the last is answered, for {@code load.warmup} (10 s, not counted) then {@code load.seconds}
 * (60 s). The mix, over {@code load.deliberations} (8) deliberations: 40% RaiseComment, 25% RespondToComment (0–2
 * commitments), 5% CommitRevision (up to 3 open commitments), 30% queries (a comment's thread, a deliberation's
 * detail, its versions). Every command waits for read-your-writes, as every client of the API does.
 * <p>
 * {@code ./mvnw -Pload -DskipTests verify [-Dload.db=postgres]} (PostgreSQL needs SHINGI_DB_* in the environment:
 * {@code scripts/pg-test-server.sh start}). Prints a Markdown row and writes it to target/load-{db}.md. Not a test:
 * it asserts nothing, it measures (docs/benchmarks.md, "Load").
 */
public final class LoadHarness {
    static final String[] QUERY_KINDS = {"thread", "thread", "detail", "versions"};

    final int clients = Integer.getInteger("load.clients", 16);
    final int seconds = Integer.getInteger("load.seconds", 60);
    final int warmup = Integer.getInteger("load.warmup", 10);
    final int deliberations = Integer.getInteger("load.deliberations", 8);
    final String db = System.getProperty("load.db", "h2");
    final String auth = System.getProperty("load.auth", "clerk");
    /**
     * {@code mixed} (the default, above) or {@code floor}: every request a RaiseComment refused with 400 by bean
     * validation (page 0) — the same path, body, token and filters as a real one, parsed and validated, but never
     * reaching Axon or the database. What the web stack alone costs: the most commands per second this machine could
     * answer if storing them were free.
     */
    final String mix = System.getProperty("load.mix", "mixed");

    final AtomicBoolean measuring = new AtomicBoolean(false);
    final AtomicBoolean running = new AtomicBoolean(true);
    final List<long[]> commandLatencies = new ArrayList<>();
    final List<long[]> queryLatencies = new ArrayList<>();
    final LongAdder commands = new LongAdder();
    final LongAdder queries = new LongAdder();
    final LongAdder conflicts = new LongAdder();
    final LongAdder clientErrors = new LongAdder();
    final LongAdder serverErrors = new LongAdder();
    final LongAdder noAnswer = new LongAdder();
    final List<String> errorSamples = new ArrayList<>();
    final Map<String, LongAdder> byKind = new LinkedHashMap<>();
    /** Every measured request's latency (µs), by kind, to tell which kind makes the tail. */
    final Map<String, Queue<Long>> latencyByKind = new ConcurrentHashMap<>();

    final List<Deliberation> work = new ArrayList<>();

    static final class Deliberation {
        final String id;
        final ConcurrentLinkedQueue<String> toAnswer = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> toFulfil = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> known = new ConcurrentLinkedQueue<>();
        final AtomicInteger nextVersion = new AtomicInteger(2);
        final AtomicBoolean revising = new AtomicBoolean(false);

        Deliberation(String id) {
            this.id = id;
        }
    }

    public static void main(String[] args) throws Exception {
        new LoadHarness().run();
    }

    void run() throws Exception {
        System.setProperty("shingi.test.database", db);
        for (String kind : List.of("raise", "respond", "revise", "thread", "detail", "versions", "refused")) {
            byKind.put(kind, new LongAdder());
        }
        Map<String, String> properties = new LinkedHashMap<>(TestDatabase.fresh("load"));
        properties.put("shingi.demo.enabled", "false");
        properties.putAll(Http.clerkProperties());
        properties.put("logging.level.root", "WARN");
        List<String> jvm = new ArrayList<>(List.of("-Xms1g", "-Xmx1g"));
        // the collector Shingi runs with (pom: shingi.jvm.gc; -Dshingi.jvm.gc=-XX:+UseG1GC to compare), then -Dload.jvm
        String gc = System.getProperty("load.gc", "");
        if (!gc.isBlank()) {
            jvm.add(gc.trim());
        }
        String extra = System.getProperty("load.jvm", "");
        if (!extra.isBlank()) {
            jvm.addAll(Arrays.asList(extra.trim().split("\\s+")));
        }
        Path log = Path.of("target", "load-" + db + "-server.log");
        Files.deleteIfExists(log);
        AppProcess app = AppProcess.start(properties, jvm, log, Duration.ofSeconds(180));
        try {
            Http http = app.http();
            setUp(http);
            String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                long[] cmd = new long[2_000_000];
                long[] qry = new long[2_000_000];
                synchronized (this) {
                    commandLatencies.add(cmd);
                    queryLatencies.add(qry);
                }
                // clerk: bcrypt cost 4; sato: a demo account, bcrypt cost 10 (-Dload.auth=demo shows what that costs)
                Http as = auth.equals("demo") ? http.as("sato") : http;
                Thread t = new Thread(() -> client(as, cmd, qry), "load-client-" + c);
                t.start();
                threads.add(t);
            }
            Thread.sleep(warmup * 1000L);
            long cpuBefore = cpuTicks(app.pid());
            long pgBefore = postgresTicks();
            measuring.set(true);
            long started = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            measuring.set(false);
            double elapsed = (System.nanoTime() - started) / 1e9;
            long cpuUsed = cpuTicks(app.pid()) - cpuBefore;
            long pgUsed = postgresTicks() - pgBefore;
            running.set(false);
            for (Thread t : threads) {
                t.join(60_000);
            }
            String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();
            report(elapsed, cpuUsed, pgUsed, loadBefore, loadAfter);
        } finally {
            app.stop();
        }
    }

    private void setUp(Http secretary) {
        Http http = secretary.asAdmin();
        for (int d = 0; d < deliberations; d++) {
            String id = "load-" + d;
            expect(http.postOrFail("/api/deliberations", """
                    {"deliberationId":"%s","title":"Load %d","body":"Load harness"}""".formatted(id, d)));
            expect(http.postOrFail("/api/deliberations/" + id + "/participants", """
                    {"participantId":"clerk","name":"Clerk","role":"SECRETARIAT"}"""));
            expect(http.postOrFail("/api/deliberations/" + id + "/participants", """
                    {"participantId":"sato","name":"Sato","role":"SECRETARIAT"}"""));
            for (int m = 0; m < clients; m++) {
                expect(http.postOrFail("/api/deliberations/" + id + "/participants", """
                        {"participantId":"m%d","name":"Member %d","role":"MEMBER"}""".formatted(m, m)));
            }
            expect(secretary.postOrFail("/api/deliberations/" + id + "/drafts", """
                    {"version":1,"title":"Draft v1","pageCount":500}"""));
            work.add(new Deliberation(id));
        }
    }

    private static void expect(Http.Reply r) {
        if (!r.ok()) {
            throw new IllegalStateException("set-up failed: " + r.status() + " " + r.raw());
        }
    }

    private void client(Http http, long[] commandLatency, long[] queryLatency) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String me = Thread.currentThread().getName().replace("load-client-", "m");
        int cmdCount = 0;
        int qryCount = 0;
        int n = 0;
        while (running.get()) {
            Deliberation d = work.get(random.nextInt(work.size()));
            int roll = random.nextInt(100);
            long t0 = System.nanoTime();
            String kind;
            Http.Reply r;
            try {
                if (mix.equals("floor")) {
                    kind = "refused";
                    r = http.post("/api/deliberations/" + d.id + "/comments", """
                            {"commentId":"%s-%d","authorId":"%s","draftVersion":1,"anchor":{"pageFrom":0},
                             "kind":"CHANGE_REQUEST","text":"Please reword the paragraph on page %d; it reads ambiguously."}"""
                            .formatted(me, n++, me, 1 + random.nextInt(500)));
                } else if (roll < 5 && d.toFulfil.size() > 0 && d.revising.compareAndSet(false, true)) {
                    kind = "revise";
                    try {
                        r = revise(http, d);
                    } finally {
                        d.revising.set(false);
                    }
                } else if (roll < 45 || (roll < 70 && d.toAnswer.isEmpty())) {
                    kind = "raise";
                    String id = me + "-" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36) + "-" + n++;
                    r = http.post("/api/deliberations/" + d.id + "/comments", """
                            {"commentId":"%s","authorId":"%s","draftVersion":1,"anchor":{"pageFrom":%d},
                             "kind":"CHANGE_REQUEST","text":"Please reword the paragraph on page %d; it reads ambiguously."}"""
                            .formatted(id, me, 1 + random.nextInt(500), 1 + random.nextInt(500)));
                    if (r.status() == 201) {
                        d.toAnswer.add(id);
                        d.known.add(id);
                    }
                } else if (roll < 70) {
                    kind = "respond";
                    String commentId = d.toAnswer.poll();
                    if (commentId == null) {
                        continue;
                    }
                    int k = random.nextInt(3);
                    String commitments = IntStream.range(0, k)
                            .mapToObj(i -> "{\"kind\":\"REVISE_DRAFT\",\"description\":\"Reword part " + i + "\"}")
                            .collect(Collectors.joining(",", "[", "]"));
                    r = http.post("/api/comments/" + commentId + "/responses", """
                            {"responderId":"clerk","disposition":"ACCEPTED","text":"Agreed; the next version rewords it.",
                             "commitments":%s}""".formatted(commitments));
                    if (r.status() == 201) {
                        for (int i = 1; i <= k; i++) {
                            d.toFulfil.add(commentId + "." + i);
                        }
                    }
                } else {
                    kind = QUERY_KINDS[random.nextInt(QUERY_KINDS.length)];
                    String commentId = d.known.peek();
                    if (kind.equals("thread") && commentId != null) {
                        r = http.get("/api/comments/" + randomKnown(d, random));
                    } else if (kind.equals("versions")) {
                        r = http.get("/api/deliberations/" + d.id + "/versions");
                    } else {
                        kind = "detail";
                        r = http.get("/api/deliberations/" + d.id);
                    }
                }
            } catch (IOException e) {
                if (measuring.get()) {
                    noAnswer.increment();
                }
                continue;
            }
            long micros = (System.nanoTime() - t0) / 1_000;
            if (!measuring.get()) {
                continue;
            }
            boolean command = kind.equals("raise") || kind.equals("respond") || kind.equals("revise")
                    || kind.equals("refused");
            byKind.get(kind).increment();
            latencyByKind.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(micros);
            if (r.status() >= 500) {
                serverErrors.increment();
                sample(kind, r);
            } else if (r.status() == 409) {
                conflicts.increment();
            } else if (r.status() >= 400 && !(kind.equals("refused") && r.status() == 400)) {
                clientErrors.increment();
                sample(kind, r);
            }
            if (command) {
                commands.increment();
                if (cmdCount < commandLatency.length) {
                    commandLatency[cmdCount++] = micros;
                }
            } else {
                queries.increment();
                if (qryCount < queryLatency.length) {
                    queryLatency[qryCount++] = micros;
                }
            }
        }
    }

    /** One of the last thousand comments raised in the deliberation (its queue of known ids is trimmed as it grows). */
    private static String randomKnown(Deliberation d, ThreadLocalRandom random) {
        while (d.known.size() > 1000) {
            d.known.poll();
        }
        Object[] ids = d.known.toArray();
        return ids.length == 0 ? "none" : (String) ids[random.nextInt(ids.length)];
    }

    private Http.Reply revise(Http http, Deliberation d) throws IOException {
        List<String> fulfils = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String c = d.toFulfil.poll();
            if (c != null) {
                fulfils.add(c);
            }
        }
        int version = d.nextVersion.get();
        String list = fulfils.stream().map(c -> "{\"commitment\":\"" + c + "\",\"page\":1}")
                .collect(Collectors.joining(",", "[", "]"));
        Http.Reply r = http.post("/api/deliberations/" + d.id + "/revisions", """
                {"version":%d,"title":"Draft v%d","pageCount":500,"summary":"Reworded as promised","fulfils":%s,
                 "committedBy":"clerk"}""".formatted(version, version, list));
        if (r.status() == 201) {
            d.nextVersion.incrementAndGet();
        }
        return r;
    }

    private void sample(String kind, Http.Reply r) {
        synchronized (errorSamples) {
            if (errorSamples.size() < 10) {
                errorSamples.add(kind + " " + r.status() + " " + (r.raw() == null ? "" : r.raw().substring(0, Math.min(300, r.raw().length()))));
            }
        }
    }

    private static long cpuTicks(long pid) {
        try {
            String[] f = Files.readString(Path.of("/proc/" + pid + "/stat")).split("\\) ")[1].split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** CPU ticks of the test server's postmaster and its children (the backends), or 0 on H2. */
    private long postgresTicks() {
        String dir = System.getenv("SHINGI_PG_DIR");
        if (!db.equals("postgres") || dir == null) {
            return 0;
        }
        try {
            long postmaster = Long.parseLong(Files.readAllLines(Path.of(dir, "data", "postmaster.pid")).get(0).trim());
            long total = cpuTicks(postmaster);
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path p : procs.filter(x -> x.getFileName().toString().matches("\\d+")).toList()) {
                    try {
                        String[] f = Files.readString(p.resolve("stat")).split("\\) ")[1].split(" ");
                        if (Long.parseLong(f[1]) == postmaster) {
                            total += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                        }
                    } catch (IOException | RuntimeException gone) {
                        // the process ended meanwhile
                    }
                }
            }
            return total;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private void report(double elapsed, long cpuTicks, long pgTicks, String loadBefore, String loadAfter) throws IOException {
        long[] cmd = merge(commandLatencies, commands.sum());
        long[] qry = merge(queryLatencies, queries.sum());
        long[] all = new long[cmd.length + qry.length];
        System.arraycopy(cmd, 0, all, 0, cmd.length);
        System.arraycopy(qry, 0, all, cmd.length, qry.length);
        Arrays.sort(cmd);
        Arrays.sort(qry);
        Arrays.sort(all);
        int cores = Runtime.getRuntime().availableProcessors();
        String name = db.equals("postgres") ? "PostgreSQL" : "H2 (file)";
        long requests = Math.max(1, commands.sum() + queries.sum());
        // backends that ended during the run are not counted: PostgreSQL's share is a lower bound
        String row = String.format("| %s | %d | %.0f s | **%.0f** | %s | %.0f | %s | %d | %d | %d | %d | %.0f%% · %.1f ms | %s |",
                name, clients, elapsed, commands.sum() / elapsed, latency(cmd), queries.sum() / elapsed, latency(qry),
                conflicts.sum(), clientErrors.sum(), serverErrors.sum(), noAnswer.sum(),
                100.0 * cpuTicks / 100.0 / elapsed / cores, cpuTicks * 10.0 / requests,
                pgTicks == 0 ? "–" : String.format("%.0f%% · %.1f ms", 100.0 * pgTicks / 100.0 / elapsed / cores,
                        pgTicks * 10.0 / requests));
        String text = """
                Load on %s, %s, %d cores, clients signed in as %s, mix %s; load average before %s, after %s
                commands by kind: %s
                latency by kind (p50 / p99 / max): %s
                | database | clients | measured | commands/s | command p50 / p99 / max | queries/s | query p50 / p99 / max | 409 | other 4xx | 5xx | no answer | Shingi CPU (of all cores) · per request | PostgreSQL CPU · per request |
                |---|---|---|---|---|---|---|---|---|---|---|---|---|
                %s
                %s
                """.formatted(name, Instant.now(), cores, auth.equals("demo") ? "sato, HTTP Basic (bcrypt cost 10)" : "clerk, bearer JWT", mix, loadBefore, loadAfter, byKind, latencyByKind(), row,
                errorSamples.isEmpty() ? "" : "error samples: " + errorSamples);
        System.out.println(text);
        Path out = Path.of("target", "load-" + db + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
    }

    private String latencyByKind() {
        StringBuilder b = new StringBuilder();
        latencyByKind.forEach((kind, values) -> {
            long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
            b.append(b.isEmpty() ? "" : "; ").append(kind).append(' ').append(latency(sorted));
        });
        return b.toString();
    }

    private static String latency(long[] sorted) {
        if (sorted.length == 0) {
            return "–";
        }
        return String.format("%.1f / %.1f / %.0f ms", sorted[sorted.length / 2] / 1000.0,
                sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1000.0,
                sorted[sorted.length - 1] / 1000.0);
    }

    private static long[] merge(List<long[]> perClient, long total) {
        long[] all = new long[(int) Math.min(total, Integer.MAX_VALUE - 8)];
        int i = 0;
        for (long[] c : perClient) {
            for (long v : c) {
                if (v == 0 || i >= all.length) {
                    break;
                }
                all[i++] = v;
            }
        }
        return Arrays.copyOf(all, i);
    }
}
