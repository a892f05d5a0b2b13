package dev.shingi.bench;

import dev.shingi.drafttext.api.CommentAnchor;
import dev.shingi.drafttext.api.DocumentReader;
import dev.shingi.drafttext.api.DocumentText;
import dev.shingi.drafttext.api.ReadDocument;
import dev.shingi.drafttext.api.Reanchoring;
import dev.shingi.drafttext.api.TextChange;
import dev.shingi.drafttext.api.TextComparer;
import dev.shingi.drafttext.api.TextPage;
import dev.shingi.testing.TwoVersions;

import java.io.File;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The draft's text (issue #20) on a 60-page document: extraction of a PDF, re-anchoring 1,000 comments onto a
 * revision, and the diff a diff page computes — each against the baseline of reading the file's bytes alone, in the
 * same run. The two versions are Japanese HTML printed to PDF by headless Chromium (a real tool, with the system's
 * CJK fonts); without Chromium they are English PDFs written by PDFBox, and the output says so.
 * <p>{@code ./mvnw -B -o -Pbench-text -DskipTests verify} (docs/benchmarks.md, "The draft's text"); {@code -Dbench.pages=60}.
 */
public final class DraftTextBenchmark {
    static final int PAGES = Integer.getInteger("bench.pages", 60);
    static final int LINES_PER_PAGE = 24;
    static final int COMMENTS = 1_000;
    static final int ROUNDS = 7;
    static final String CHROMIUM = System.getProperty("bench.chromium", "/usr/bin/chromium");

    private DraftTextBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(System.getProperty("bench.dir", "target/bench-text")));
        DocumentReader reader = (DocumentReader) make("dev.shingi.drafttext.extract.Extraction", 64L << 20);
        TextComparer comparer = (TextComparer) make("dev.shingi.drafttext.compare.Comparer");

        boolean japanese = new File(CHROMIUM).canExecute();
        List<List<String>> v1 = pages(new Random(1));
        List<List<String>> v2 = revise(v1, new Random(2));
        Path pdf1 = dir.resolve("v1.pdf");
        Path pdf2 = dir.resolve("v2.pdf");
        if (japanese) {
            printWithChromium(v1, dir.resolve("v1.html"), pdf1);
            printWithChromium(v2, dir.resolve("v2.html"), pdf2);
        } else {
            Files.write(pdf1, TwoVersions.pdf(english(v1)));
            Files.write(pdf2, TwoVersions.pdf(english(v2)));
        }

        long[] read = new long[ROUNDS];
        long[] extract = new long[ROUNDS];
        ReadDocument d1 = null;
        ReadDocument d2 = null;
        for (int r = 0; r < ROUNDS; r++) {
            long t0 = System.nanoTime();
            byte[] bytes = Files.readAllBytes(pdf1);
            read[r] = System.nanoTime() - t0;
            t0 = System.nanoTime();
            d1 = reader.read(bytes, "v1.pdf", "application/pdf");
            extract[r] = System.nanoTime() - t0;
        }
        d2 = reader.read(Files.readAllBytes(pdf2), "v2.pdf", "application/pdf");
        DocumentText older = d1.text();
        DocumentText newer = d2.text();
        List<CommentAnchor> anchors = anchors(older, new Random(3));

        long[] reanchor = new long[ROUNDS];
        long[] diff = new long[ROUNDS];
        List<Reanchoring> placed = List.of();
        List<TextChange> changes = List.of();
        for (int r = 0; r < ROUNDS; r++) {
            long t0 = System.nanoTime();
            placed = comparer.reanchor(older, newer, anchors);
            reanchor[r] = System.nanoTime() - t0;
            t0 = System.nanoTime();
            changes = comparer.changes(older, newer);
            diff[r] = System.nanoTime() - t0;
        }
        double base = median(read);
        System.out.printf("DraftTextBenchmark: %s, %d pages (%d bytes, %d pages extracted), %d comments, %d changes, "
                        + "median of %d rounds after the first%n",
                japanese ? "Japanese PDF printed by Chromium" : "English PDF written by PDFBox (no Chromium)",
                PAGES, Files.size(pdf1), older.pages().size(), anchors.size(), changes.size(), ROUNDS - 1);
        report("read the file (baseline)", read, base, 0);
        report("extract the PDF", extract, base, 2_000);
        report("re-anchor " + anchors.size() + " comments", reanchor, base, 1_000);
        report("diff the two versions", diff, base, 300);
        System.out.printf("statuses: %s%n", placed.stream().collect(java.util.stream.Collectors.groupingBy(
                p -> String.valueOf(p.status()), java.util.TreeMap::new, java.util.stream.Collectors.counting())));
    }

    private static Object make(String className, Object... args) throws Exception {
        Class<?> type = Class.forName(className);
        Constructor<?> c = Arrays.stream(type.getDeclaredConstructors())
                .filter(k -> k.getParameterCount() == args.length).findFirst().orElseThrow();
        c.setAccessible(true);
        return c.newInstance(args);
    }

    private static void report(String what, long[] nanos, double base, long targetMillis) {
        double ms = median(nanos) / 1e6;
        System.out.printf("  %-28s %9.1f ms  ×%8.1f the read%s%n", what, ms, median(nanos) / base,
                targetMillis == 0 ? "" : String.format("  (target ≤ %d ms: %s)", targetMillis,
                        ms <= targetMillis ? "met" : "MISSED"));
    }

    /** The median of every round but the first (which loads classes and warms the JIT). */
    private static double median(long[] nanos) {
        long[] warm = Arrays.copyOfRange(nanos, 1, nanos.length);
        Arrays.sort(warm);
        return warm[warm.length / 2];
    }

    private static final String[] SUBJECTS = {"サイバーセキュリティ対策", "情報通信ネットワーク", "重要インフラ事業者",
            "地方公共団体", "中小企業", "クラウドサービス", "IoT機器", "脆弱性情報", "人材育成", "国際連携"};
    private static final String[] VERBS = {"の強化を図ることが重要である。", "について検討を進める必要がある。",
            "に関する取組を一層推進する。", "の在り方を見直すことが求められる。", "への支援を拡充すべきである。",
            "の現状を把握し、課題を整理する。"};

    /** Sixty pages of numbered Japanese sentences, one to a line, each page under its own heading. */
    private static List<List<String>> pages(Random random) {
        List<List<String>> pages = new ArrayList<>();
        for (int p = 1; p <= PAGES; p++) {
            List<String> lines = new ArrayList<>();
            lines.add(p + "．第" + p + "節の論点");
            for (int l = 1; l < LINES_PER_PAGE; l++) {
                lines.add("（" + l + "）" + SUBJECTS[random.nextInt(SUBJECTS.length)] + "（" + p + "-" + l + "）"
                        + VERBS[random.nextInt(VERBS.length)]);
            }
            pages.add(lines);
        }
        return pages;
    }

    /** The revision: on every page two sentences edited, one deleted, one added; every fifth page's last sentence moved. */
    private static List<List<String>> revise(List<List<String>> v1, Random random) {
        List<List<String>> v2 = new ArrayList<>();
        for (List<String> page : v1) {
            v2.add(new ArrayList<>(page));
        }
        for (int p = 0; p < v2.size(); p++) {
            List<String> lines = v2.get(p);
            for (int e = 0; e < 2; e++) {
                int l = 1 + random.nextInt(lines.size() - 1);
                lines.set(l, lines.get(l).replace("。", "ものとする。"));
            }
            lines.remove(1 + random.nextInt(lines.size() - 1));
            lines.add(1 + random.nextInt(lines.size() - 1), "（新）意見を踏まえ、" + SUBJECTS[p % SUBJECTS.length]
                    + "（追記" + (p + 1) + "）について記載を追加した。");
            if (p % 5 == 4 && p + 1 < v2.size()) {
                v2.get(p + 1).add(lines.remove(lines.size() - 1));
            }
        }
        return v2;
    }

    /** 1,000 comments on v1: a quote of 8–20 characters from a random line of a random page. */
    private static List<CommentAnchor> anchors(DocumentText text, Random random) {
        List<CommentAnchor> anchors = new ArrayList<>();
        while (anchors.size() < COMMENTS) {
            TextPage page = text.pages().get(random.nextInt(text.pages().size()));
            if (page.lines().isEmpty()) {
                continue;
            }
            int line = 1 + random.nextInt(page.lines().size());
            String words = page.line(line).strip();
            if (words.length() < 10) {
                continue;
            }
            int length = Math.min(words.length(), 8 + random.nextInt(13));
            int from = random.nextInt(words.length() - length + 1);
            int n = anchors.size() + 1;
            anchors.add(new CommentAnchor("c" + n, "#" + n, page.page(), line, words.substring(from, from + length),
                    null, null));
        }
        return anchors;
    }

    private static void printWithChromium(List<List<String>> pages, Path html, Path pdf) throws Exception {
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html lang=ja><meta charset=utf-8><style>"
                + "@page{size:A4;margin:20mm} body{font-family:'Noto Sans CJK JP',sans-serif;font-size:10.5pt}"
                + "section{break-after:page} p{margin:0 0 .35em}</style><body>");
        for (List<String> page : pages) {
            b.append("<section>");
            for (String line : page) {
                b.append("<p>").append(line).append("</p>");
            }
            b.append("</section>");
        }
        Files.writeString(html, b.append("</body></html>"), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                "--no-pdf-header-footer", "--print-to-pdf=" + pdf.toAbsolutePath(), html.toUri().toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || !Files.exists(pdf)) {
            p.destroyForcibly();
            throw new IllegalStateException("Chromium did not print " + html);
        }
    }

    /** Without Chromium: the same structure in ASCII, so Helvetica can write it. */
    private static List<List<String>> english(List<List<String>> pages) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> page : pages) {
            out.add(page.stream().map(l -> l.chars().mapToObj(c -> c < 128 ? String.valueOf((char) c)
                    : Integer.toString(c % 26 + 10, 36)).reduce("", String::concat)).toList());
        }
        return out;
    }
}
