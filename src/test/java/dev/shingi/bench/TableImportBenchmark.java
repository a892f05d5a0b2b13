package dev.shingi.bench;

import dev.shingi.ShingiApplication;
import dev.shingi.deliberation.api.OpenDeliberation;
import dev.shingi.deliberation.api.PublishDraft;
import dev.shingi.deliberation.api.RegisterParticipant;
import dev.shingi.deliberation.api.Role;
import dev.shingi.platform.Ledger;
import dev.shingi.transfer.iso.TableImportHarness;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.axonframework.messaging.MetaData;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Comment-table import benchmark (issue #22, docs/benchmarks.md). A harness, not a test:
 * {@code ./mvnw -o -Pbench -DskipTests verify} (after the ingest benchmark; {@code -Dbench.tables.rows=10000}).
 * <p>
 * Generates a resolution log of N rows (Item #, Date, Commenter, Description, Date acknowledged, Resolution,
 * Disposition: 200 commenters, 80 % of the rows answered), written as CSV and as XLSX. For each format, in one JVM
 * on one H2 file: the baselines — the file read into rows by the import's own first stage alone, and raw JDBC
 * inserts of as many comment and response rows in one transaction — then the whole import (checks, commenters
 * registered, comments and responses recorded in one batch, read models caught up) into an empty deliberation.
 * Rows/s and peak heap (the heap pools' peaks since a reset before each phase). A warm-up import of 1,000 rows first.
 */
public final class TableImportBenchmark {
    private static final long SEED = 20261207L;

    private TableImportBenchmark() {
    }

    record Phase(String name, int rows, double seconds, long peakHeap) {
        double rate() {
            return rows / seconds;
        }
    }

    public static void main(String[] args) {
        try {
            int n = Integer.getInteger("bench.rows", 10_000);
            Path dir = Path.of(System.getProperty("bench.dir", "target/bench-tables")).toAbsolutePath();
            deleteRecursively(dir);
            Files.createDirectories(dir);
            String machine = "nproc=" + Runtime.getRuntime().availableProcessors() + ", "
                    + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                    + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB";
            say("Table import benchmark: %,d rows; %s", n, machine);
            List<String[]> rows = rows(n, new Random(SEED));
            byte[] csv = csv(rows);
            byte[] xlsx = xlsx(rows);
            say("files: CSV %,d KB, XLSX %,d KB", csv.length >> 10, xlsx.length >> 10);
            ConfigurableApplicationContext app = new SpringApplicationBuilder(ShingiApplication.class)
                    .web(WebApplicationType.NONE)
                    .run("--shingi.data-dir=" + dir, "--shingi.demo.enabled=false", "--spring.main.banner-mode=off",
                            "--logging.level.root=WARN", "--axon.update-check.disabled=true");
            List<Phase> phases = new ArrayList<>();
            try {
                SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("sato",
                        null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
                Ledger ledger = app.getBean(Ledger.class);
                open(ledger, "bench-warm");
                TableImportHarness.importTable(app, "bench-warm", csv(rows(1000, new Random(SEED + 1))), "warm.csv");
                for (String format : List.of("csv", "xlsx")) {
                    byte[] file = format.equals("csv") ? csv : xlsx;
                    String name = "log." + format;
                    phases.add(measure(format.toUpperCase() + " read alone (baseline)", n,
                            () -> TableImportHarness.parse(file, name)));
                    phases.add(measure(format.toUpperCase() + " raw JDBC rows (baseline)", n, () -> raw(app, rows, format)));
                    String id = "bench-" + format;
                    open(ledger, id);
                    phases.add(measure(format.toUpperCase() + " import", n, () -> {
                        TableImportHarness.Result r = TableImportHarness.importTable(app, id, file, name);
                        if (r.rows() != n || r.comments() != n) {
                            throw new IllegalStateException("imported " + r + ", expected " + n + " rows");
                        }
                        return r.rows();
                    }));
                }
            } finally {
                app.close();
            }
            String table = table(phases, n, machine);
            System.out.println();
            System.out.println(table);
            Files.writeString(dir.resolve("results.md"), table);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1); // Axon's threads would keep the JVM alive
        }
        System.exit(0);
    }

    interface Work {
        int run() throws Exception;
    }

    private static Phase measure(String name, int rows, Work work) throws Exception {
        System.gc();
        resetPeaks();
        long t0 = System.nanoTime();
        int done = work.run();
        double s = (System.nanoTime() - t0) / 1e9;
        long heap = peakHeap();
        if (done != rows) {
            throw new IllegalStateException(name + ": " + done + " rows, expected " + rows);
        }
        say("%s: %,d rows in %.2f s = %,.0f rows/s, peak heap %d MB", name, rows, s, rows / s, heap >> 20);
        return new Phase(name, rows, s, heap);
    }

    private static void open(Ledger ledger, String id) {
        Instant t = Instant.parse("2020-01-01T00:00:00Z");
        ledger.record(new OpenDeliberation(id, "Bench " + id, null, t), MetaData.emptyInstance());
        ledger.record(new RegisterParticipant(id, "sato", "佐藤", Role.SECRETARIAT, null, null, false, t),
                MetaData.emptyInstance());
        ledger.record(new PublishDraft(id, 1, "Draft", null, null, t), MetaData.emptyInstance());
        ledger.awaitProjections(); // the import reads the version from the views
    }

    /** The floor: the same number of comment rows and of response rows, inserted by JDBC in one transaction. */
    private static int raw(ConfigurableApplicationContext app, List<String[]> rows, String tag) {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        String table = "bench_raw_" + tag;
        jdbc.execute("CREATE TABLE " + table + " (id VARCHAR(64) PRIMARY KEY, kind VARCHAR(16), item VARCHAR(64), "
                + "author VARCHAR(200), text VARCHAR(20000), at TIMESTAMP)");
        new TransactionTemplate(app.getBean(org.springframework.transaction.PlatformTransactionManager.class))
                .executeWithoutResult(s -> {
                    List<Object[]> batch = new ArrayList<>();
                    for (String[] r : rows) {
                        batch.add(new Object[]{"c" + r[0], "comment", r[0], r[2], r[3], java.sql.Timestamp.valueOf(r[1] + " 00:00:00")});
                        if (!r[5].isEmpty()) {
                            batch.add(new Object[]{"r" + r[0], "response", r[0], "sato", r[5], java.sql.Timestamp.valueOf(r[4] + " 00:00:00")});
                        }
                    }
                    jdbc.batchUpdate("INSERT INTO " + table + " VALUES (?, ?, ?, ?, ?, ?)", batch);
                });
        return rows.size();
    }

    static final String[] HEADINGS = {"Item #", "Date", "Commenter", "Description", "Date acknowledged", "Resolution",
            "Disposition"};
    static final String[] DISPOSITIONS = {"Accepted", "Rejected", "Noted", "Accepted in principle", "No change required"};

    /** N rows of a resolution log: items 1..N, dates in 2024, 200 commenters, 80 % answered a week later. */
    static List<String[]> rows(int n, Random random) {
        List<String[]> rows = new ArrayList<>();
        LocalDate start = LocalDate.of(2024, 1, 1);
        for (int i = 1; i <= n; i++) {
            LocalDate day = start.plusDays(random.nextInt(300));
            boolean answered = random.nextInt(10) < 8;
            rows.add(new String[]{String.valueOf(i), day.toString(), "Commenter " + random.nextInt(200),
                    "Clause " + (1 + random.nextInt(40)) + "." + random.nextInt(9) + ": the text should say what it "
                            + "means, see https://example.org/issues/" + i + " for the discussion of row " + i + ".",
                    answered ? day.plusDays(7).toString() : "",
                    answered ? "Resolved in the editor's draft, see https://example.org/pull/" + i : "",
                    answered ? DISPOSITIONS[random.nextInt(DISPOSITIONS.length)] : ""});
        }
        return rows;
    }

    static byte[] csv(List<String[]> rows) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord((Object[]) HEADINGS);
            for (String[] r : rows) {
                csv.printRecord((Object[]) r);
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(List<String[]> rows) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        try {
            SXSSFSheet sheet = workbook.createSheet("Comments");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADINGS.length; i++) {
                header.createCell(i).setCellValue(HEADINGS[i]);
            }
            int r = 1;
            for (String[] row : rows) {
                Row x = sheet.createRow(r++);
                for (int i = 0; i < row.length; i++) {
                    x.createCell(i).setCellValue(row[i]);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } finally {
            workbook.dispose();
        }
    }

    static String table(List<Phase> phases, int n, String machine) {
        StringBuilder b = new StringBuilder("Table import, " + String.format("%,d", n) + " rows; " + machine + "\n\n");
        b.append("| phase | rows/s | s | peak heap MB | ratio to the import |\n|---|---:|---:|---:|---:|\n");
        for (Phase p : phases) {
            Phase imp = phases.stream().filter(x -> x.name().startsWith(p.name().substring(0, p.name().indexOf(' ')))
                    && x.name().endsWith(" import")).findFirst().orElse(p);
            b.append(String.format("| %s | %,.0f | %.2f | %d | %.3f |%n", p.name(), p.rate(), p.seconds(),
                    p.peakHeap() >> 20, imp.rate() / p.rate()));
        }
        return b.toString();
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(format, args));
    }
}
