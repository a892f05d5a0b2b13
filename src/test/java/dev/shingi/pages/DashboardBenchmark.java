package dev.shingi.pages;

import dev.shingi.deliberation.api.*;
import dev.shingi.platform.Ledger;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long the pages take for a deliberation of 10,000 comments (docs/benchmarks.md, "Pages"). A harness, not a test
 * of the build: its name keeps it out of the default run. Run it with
 * {@code ./mvnw -Dtest=DashboardBenchmark -Dsurefire.failIfNoSpecifiedTests=false test} (add {@code -Pbrowser} to
 * also time the dashboard in headless Chromium). Figures go to stdout and target/pages-benchmark.txt.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardBenchmark {
    static final String ID = "bench-10k";
    static final int COMMENTS = Integer.getInteger("bench.comments", 10_000);
    static final int MEMBERS = 20;
    static final int PAGES = 200;
    static final Path DATA_DIR;

    static {
        try {
            // -Dbench.data-dir=… keeps the loaded deliberation for the next run (loading takes minutes)
            String kept = System.getProperty("bench.data-dir");
            DATA_DIR = kept != null ? Files.createDirectories(Path.of(kept)) : Files.createTempDirectory("shingi-pages-bench-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("shingi.data-dir", DATA_DIR::toString);
        registry.add("shingi.demo.enabled", () -> "false");
        registry.add("shingi.read-your-writes.timeout", () -> "600s");
    }

    @Autowired
    CommandGateway commands;
    @Autowired
    Ledger ledger;
    @LocalServerPort
    int port;

    final List<String> report = new ArrayList<>();

    @Test
    void pagesOfADeliberationOfTenThousandComments() throws Exception {
        long t0 = System.nanoTime();
        if (ledger.headPosition() > 0) {
            note("reusing the %,d events in %s", ledger.headPosition(), DATA_DIR);
        } else {
            load();
            note("loaded %,d comments (answered 70%%, 30%% of the answers with a commitment) in %.0f s",
                    COMMENTS, (System.nanoTime() - t0) / 1e9);
        }
        note("machine: %d cores, load average %.1f", Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        HttpClient http = HttpClient.newHttpClient();
        String base = "http://localhost:" + port;
        time(http, base + "/deliberations/" + ID, "dashboard (now)");
        time(http, base + "/deliberations/" + ID + "?at=2024-10-01T12:00%2B09:00", "dashboard (at an earlier instant)");
        time(http, base + "/deliberations/" + ID + "?cp=40&up=20", "dashboard (page 40 of the commitments)");
        time(http, base + "/deliberations/" + ID + "/comments?p=100", "comments list (page 100)");
        time(http, base + "/comments/" + ID + "-c5000", "thread");
        time(http, base + "/deliberations/" + ID + "/versions", "draft evolution");
        time(http, base + "/", "home");
        if (new File(Browser.CHROMIUM).canExecute() && new File(Browser.CHROMEDRIVER).canExecute()) {
            try (Browser browser = new Browser(base)) {
                List<Double> loads = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    browser.open("/deliberations/" + ID);
                    Number ms = (Number) browser.script("const n = performance.getEntriesByType('navigation')[0];"
                            + "return n.loadEventEnd - n.startTime;");
                    if (i >= 3) {
                        loads.add(ms.doubleValue());
                    }
                }
                loads.sort(null);
                note("%-40s median %5.0f ms  max %5.0f ms (navigation start to load event, headless Chromium)",
                        "dashboard in the browser", loads.get(loads.size() / 2), loads.get(loads.size() - 1));
            }
        }
        Files.write(Path.of("target/pages-benchmark.txt"), report);
    }

    private void time(HttpClient http, String url, String what) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "ja").build();
        int bytes = 0;
        for (int i = 0; i < 5; i++) { // warm-up: JIT, caches
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).as(url).isEqualTo(200);
            bytes = r.body().length;
        }
        double[] ms = new double[20];
        long cpu = processCpuNanos();
        for (int i = 0; i < ms.length; i++) {
            long s = System.nanoTime();
            http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            ms[i] = (System.nanoTime() - s) / 1e6;
        }
        double cpuPerRequest = (processCpuNanos() - cpu) / 1e6 / ms.length;
        Arrays.sort(ms);
        // wall times depend on what else the machine runs; the CPU the whole JVM spent per request does not
        note("%-40s median %5.0f ms  min %5.0f ms  p95 %5.0f ms  max %5.0f ms  CPU %4.0f ms/request  (%,d bytes)", what,
                ms[ms.length / 2], ms[0], ms[(int) Math.ceil(ms.length * 0.95) - 1], ms[ms.length - 1], cpuPerRequest, bytes);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private void note(String format, Object... args) {
        String line = String.format(format, args);
        System.out.println("[pages-benchmark] " + line);
        report.add(line);
    }

    /** The deliberation, through the command path as any client would record it; projections caught up at the end. */
    private void load() throws Exception {
        MetaData by = MetaData.with("recordedBy", "benchmark");
        Instant opened = Instant.parse("2024-06-01T01:00:00Z");
        commands.sendAndWait(new OpenDeliberation(ID, "10,000 comments", "Benchmark", opened), by);
        commands.sendAndWait(new SetVisibility(ID, true, opened), by);
        for (int m = 1; m <= MEMBERS; m++) {
            commands.sendAndWait(new RegisterParticipant(ID, "m" + m, "構成員" + m, Role.MEMBER, "構成員", null, false, opened), by);
        }
        for (int s = 1; s <= 3; s++) {
            commands.sendAndWait(new RegisterParticipant(ID, "s" + s, "事務局" + s, Role.SECRETARIAT, "企画官", "総務省", false,
                    opened), by);
        }
        commands.sendAndWait(new PublishDraft(ID, 1, "案", "資料1-1", PAGES, opened), by);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                Random random = new Random(thread);
                CommentKind[] kinds = CommentKind.values();
                Disposition[] dispositions = Disposition.values();
                CommitmentKind[] commitmentKinds = CommitmentKind.values();
                for (int n = thread + 1; n <= COMMENTS; n += 2) {
                    String commentId = ID + "-c" + n;
                    Instant raised = opened.plus(Duration.ofMinutes(10L * n));
                    int page = 1 + random.nextInt(PAGES);
                    commands.sendAndWait(new RaiseComment(commentId, ID, "m" + (1 + random.nextInt(MEMBERS)), 1,
                            random.nextInt(10) == 0 ? Anchor.NONE : Anchor.pages(page, Math.min(PAGES, page + random.nextInt(2))),
                            kinds[random.nextInt(kinds.length)], "意見 " + n + ": 本文の記載について検討を求める。", null, raised), by);
                    if (random.nextInt(10) < 7) {
                        List<NewCommitment> promised = random.nextInt(10) < 3
                                ? List.of(new NewCommitment(commitmentKinds[random.nextInt(commitmentKinds.length)],
                                "対応事項 " + n, null, random.nextBoolean() ? LocalDate.of(2024, 12, 1) : null))
                                : List.of();
                        commands.sendAndWait(new RespondToComment(commentId, commentId + "-r1", "s" + (1 + random.nextInt(3)),
                                dispositions[random.nextInt(dispositions.length)], "回答 " + n, promised,
                                raised.plus(Duration.ofMinutes(5))), by);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        assertThat(ledger.awaitProjections()).isTrue();
    }
}
