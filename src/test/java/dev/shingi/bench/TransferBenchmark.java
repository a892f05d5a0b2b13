package dev.shingi.bench;

import dev.shingi.ShingiApplication;
import dev.shingi.integrity.Verifier;
import dev.shingi.transfer.ledger.LedgerExport;
import dev.shingi.transfer.ledger.LedgerImport;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Backup and restore benchmark (docs/backup.md, docs/benchmarks.md). A harness, not a test:
 * {@code ./mvnw -o -Pbench-transfer -DskipTests verify} (runs with {@code -Xmx256m} to show that export and import
 * hold a constant amount of memory).
 * <p>
 * For each size: a source ledger in a fresh data directory gets one deliberation's log from
 * {@link DeliberationGenerator}, published through the event store so that every event is signed as in production
 * (not timed); it is exported to a file ({@link LedgerExport}); a second, empty ledger imports the file
 * ({@link LedgerImport}, signatures kept, so every hash is checked) with its projections stopped, so that the import
 * alone is measured. Peak heap is the sum of the heap pools' peaks since a reset before each phase.
 * <p>
 * System properties: {@code bench.sizes} (default 100000,1000000), {@code bench.dir} (target/bench-transfer),
 * {@code bench.verify} (verify the target's integrity afterwards, default true), {@code bench.cache} (H2 page cache in
 * KB, default 32768: the page cache lives on the heap, and the default 128 MB would not leave a 256 MB heap room).
 */
public final class TransferBenchmark {
    private static final long SEED = 20251126L;

    record Result(long events, double generateSeconds, double exportSeconds, long exportHeap, long exportOld,
                  long fileBytes, double importSeconds, double validateSeconds, long importHeap, long importOld,
                  double verifySeconds, boolean clean) {
    }

    private TransferBenchmark() {
    }

    public static void main(String[] args) {
        try {
            long[] sizes = Arrays.stream(System.getProperty("bench.sizes", "100000,1000000").split(","))
                    .map(String::trim).mapToLong(Long::parseLong).toArray();
            Path root = Path.of(System.getProperty("bench.dir", "target/bench-transfer")).toAbsolutePath();
            boolean verify = Boolean.parseBoolean(System.getProperty("bench.verify", "true"));
            int cache = Integer.getInteger("bench.cache", 32768);
            Files.createDirectories(root);
            String machine = "nproc=" + Runtime.getRuntime().availableProcessors() + ", "
                    + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                    + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB, H2 cache " + cache / 1024
                    + " MB";
            say("Transfer benchmark: sizes %s; %s", Arrays.toString(sizes), machine);
            List<Result> results = new ArrayList<>();
            for (long size : sizes) {
                results.add(run(size, root, verify, cache));
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

    private static ConfigurableApplicationContext app(Path dir, int cache) {
        return new SpringApplicationBuilder(ShingiApplication.class).web(WebApplicationType.NONE)
                .run("--shingi.data-dir=" + dir, "--shingi.demo.enabled=false", "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN", "--axon.update-check.disabled=true",
                        "--spring.datasource.url=jdbc:h2:file:" + dir + "/shingi;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;"
                                + "CACHE_SIZE=" + cache);
    }

    private static Result run(long size, Path root, boolean verify, int cache) throws Exception {
        Path dir = root.resolve("n" + size);
        deleteRecursively(dir);
        Path sourceDir = Files.createDirectories(dir.resolve("source"));
        Path targetDir = Files.createDirectories(dir.resolve("target"));
        Path file = dir.resolve("ledger.jsonl");
        say("== %,d events in %s", size, dir);

        double generateSeconds;
        double exportSeconds;
        long exportHeap;
        long exportOld;
        ConfigurableApplicationContext source = app(sourceDir, cache);
        try {
            stopProcessors(source); // no projections, no checkpoints: the log is exactly the generated events
            EventStore store = source.getBean(EventStore.class);
            TransactionManager transactions = source.getBean(TransactionManager.class);
            DeliberationGenerator generator = new DeliberationGenerator("bench-" + size, size, SEED);
            long t0 = System.nanoTime();
            generator.generate(2000, batch -> {
                DefaultUnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(null);
                uow.attachTransaction(transactions);
                store.publish(batch);
                uow.commit();
            });
            generateSeconds = seconds(t0);
            long stored = count(source);
            if (stored != size) {
                throw new IllegalStateException("generated " + stored + " events, expected " + size);
            }
            say("generated and signed %,d events in %.1f s", size, generateSeconds);

            System.gc();
            resetPeaks();
            long e0 = System.nanoTime();
            long exported;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                exported = source.getBean(LedgerExport.class).export(out, null);
            }
            exportSeconds = seconds(e0);
            exportHeap = peakHeap();
            exportOld = peakOld();
            if (exported != size) {
                throw new IllegalStateException("exported " + exported + " events, expected " + size);
            }
            say("export: %,d events in %.2f s = %,.0f events/s, %,d MB file, peak heap %d MB (old generation %d MB)",
                    size, exportSeconds, size / exportSeconds, Files.size(file) >> 20, exportHeap >> 20,
                    exportOld >> 20);
        } finally {
            source.close();
        }

        ConfigurableApplicationContext target = app(targetDir, cache);
        try {
            stopProcessors(target); // the import alone; the read models are the rebuild benchmark's business
            System.gc();
            resetPeaks();
            long i0 = System.nanoTime();
            LedgerImport.Result r = target.getBean(LedgerImport.class).importFile(file, false);
            double importSeconds = seconds(i0);
            long importHeap = peakHeap();
            long importOld = peakOld();
            if (r.events() != size || count(target) != size) {
                throw new IllegalStateException("imported " + r.events() + " events, " + count(target)
                        + " stored, expected " + size);
            }
            say("import (validate + write): %,d events in %.2f s = %,.0f events/s (validation %.2f s), peak heap %d MB"
                            + " (old generation %d MB)", size, importSeconds, size / importSeconds, r.validateSeconds(),
                    importHeap >> 20, importOld >> 20);
            double verifySeconds = 0;
            boolean clean = false;
            if (verify) {
                long v0 = System.nanoTime();
                Verifier.Report report = target.getBean(Verifier.class).verify();
                verifySeconds = seconds(v0);
                clean = report.clean();
                say("verify on the target: %s, %,d events in %.1f s", clean ? "CLEAN" : "TAMPERED " + report.findings(),
                        report.events(), verifySeconds);
            }
            return new Result(size, generateSeconds, exportSeconds, exportHeap, exportOld, Files.size(file),
                    importSeconds, r.validateSeconds(), importHeap, importOld, verifySeconds, clean);
        } finally {
            target.close();
            if (!Boolean.getBoolean("bench.keep")) {
                deleteRecursively(dir);
            }
        }
    }

    private static long count(ConfigurableApplicationContext app) {
        Long n = app.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
        return n == null ? 0 : n;
    }

    private static void stopProcessors(ConfigurableApplicationContext app) throws InterruptedException {
        EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
        for (EventProcessor p : processing.eventProcessors().values()) {
            if (p instanceof StreamingEventProcessor s) {
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (s.processingStatus().isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                s.shutDown();
            }
        }
    }

    static String table(List<Result> results, String machine) {
        StringBuilder s = new StringBuilder("Machine: ").append(machine).append("\n\n");
        s.append("| events | file | export | export events/s | export peak heap (old gen) | import (of which validation) "
                + "| import events/s | import peak heap (old gen) | verify on target |\n");
        s.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Result r : results) {
            s.append(String.format("| %,d | %,d MB | %.1f s | **%,.0f** | %d MB (%d MB) | %.1f s (%.1f s) | **%,.0f** "
                            + "| %d MB (%d MB) | %s |%n",
                    r.events(), r.fileBytes() >> 20, r.exportSeconds(), r.events() / r.exportSeconds(),
                    r.exportHeap() >> 20, r.exportOld() >> 20, r.importSeconds(), r.validateSeconds(),
                    r.events() / r.importSeconds(), r.importHeap() >> 20, r.importOld() >> 20,
                    r.verifySeconds() == 0 ? "not run" : (r.clean() ? "clean" : "NOT CLEAN")
                            + String.format(" (%.1f s)", r.verifySeconds())));
        }
        s.append("\nGeneration (signed, through the event store; not part of the figures): ");
        s.append(String.join("; ", results.stream()
                .map(r -> String.format("%,d events in %.1f s", r.events(), r.generateSeconds())).toList()));
        s.append(".\n");
        return s.toString();
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    /** The old generation's peak: what survived collections, where a growing retained set would show. */
    private static long peakOld() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.getName().contains("Old"))
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void say(String format, Object... args) {
        System.out.printf("[transfer] " + format + "%n", args);
        System.out.flush();
    }
}
