package ru.librarybot.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Index build rate and search latency of the catalog index for catalogs of 100,000 and 1,000,000 titles,
 * synthesized from the real records the demo ships (their words, authors and copies recombined).
 *
 * <p>Run: {@code ./mvnw -q -pl bench -am package -DskipTests -Pbench} (sizes: {@code -Dbench.catalog.sizes=100000}); the JVM
 * gets {@code -Xmx1g}, the heap budget the catalog must fit in.
 */
public final class CatalogSearchBench {

    private static final int BATCH = 10_000;
    private static final int SYNTHETIC_QUERIES = 2_000;
    private static final int MEASURED_ROUNDS = 3;

    private CatalogSearchBench() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("bench.catalog.sizes", "100000,1000000").split(","))
                .map(String::strip).mapToInt(Integer::parseInt).toArray();
        List<Title> real = realTitles();
        List<String> labeled = labeledQueries();
        System.out.printf("Catalog bench: %d real titles to synthesize from, %d labeled reader queries, %s, %d cores%n",
                real.size(), labeled.size(), Runtime.version(), Runtime.getRuntime().availableProcessors());
        System.out.printf("Load average when starting: %.1f%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("| titles | index build | titles/s | titles/CPU-s | index on disk | queries | p50 ms | p90 ms "
                + "| p99 ms | max ms | CPU p50 ms | CPU p99 ms | heap used after GC |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        warmUp(real, labeled);
        for (int size : sizes) {
            run(size, real, labeled);
        }
    }

    private static void run(int size, List<Title> real, List<String> labeled) throws Exception {
        Path dir = Files.createTempDirectory("catalog-bench-");
        Synthesizer synthesizer = new Synthesizer(real, size);
        List<String> queries = new ArrayList<>(labeled);
        long built;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        try (CatalogIndex index = CatalogIndex.onDisk(dir)) {
            long start = System.nanoTime();
            long startCpu = threads.getCurrentThreadCpuTime();
            List<Title> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < size; i++) {
                Title title = synthesizer.title(i);
                batch.add(title);
                synthesizer.maybeQuery(i, title, queries);
                if (batch.size() == BATCH) {
                    index.update(batch);
                    batch.clear();
                }
            }
            index.update(batch);
            index.commit();
            built = System.nanoTime() - start;
            long builtCpu = threads.getCurrentThreadCpuTime() - startCpu;

            for (String q : queries) {
                index.search(q, AvailabilityHandler.MAX_RESULTS); // warm-up
            }
            long[] latencies = new long[queries.size() * MEASURED_ROUNDS];
            long[] cpu = new long[latencies.length];
            long[] slowest = new long[queries.size()];
            int n = 0;
            for (int round = 0; round < MEASURED_ROUNDS; round++) {
                for (int k = 0; k < queries.size(); k++) {
                    long c0 = threads.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    index.search(queries.get(k), AvailabilityHandler.MAX_RESULTS);
                    long took = System.nanoTime() - t0;
                    cpu[n] = threads.getCurrentThreadCpuTime() - c0;
                    latencies[n++] = took;
                    slowest[k] = Math.max(slowest[k], took);
                }
            }
            Arrays.sort(latencies);
            Arrays.sort(cpu);
            if (Boolean.getBoolean("bench.catalog.slowest")) {
                Integer[] order = new Integer[queries.size()];
                Arrays.setAll(order, k -> k);
                Arrays.sort(order, Comparator.comparingLong(k -> -slowest[k]));
                for (int k = 0; k < 15; k++) {
                    System.out.printf(Locale.ROOT, "  %.1f ms  %s%n", slowest[order[k]] / 1e6, queries.get(order[k]));
                }
            }
            System.gc();
            Thread.sleep(500);
            Runtime rt = Runtime.getRuntime();
            long heap = rt.totalMemory() - rt.freeMemory();
            System.out.printf(Locale.ROOT, "| %,d | %.1f s | %,.0f | %,.0f | %,d MB | %,d | %.2f | %.2f | %.2f | %.1f "
                            + "| %.2f | %.2f | %,d MB |%n",
                    size, built / 1e9, size / (built / 1e9), size / (builtCpu / 1e9), folderSize(dir) >> 20,
                    latencies.length,
                    ms(latencies, 0.50), ms(latencies, 0.90), ms(latencies, 0.99),
                    latencies[latencies.length - 1] / 1e6, ms(cpu, 0.50), ms(cpu, 0.99), heap >> 20);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Lets the JIT compile analysis, indexing and search code before anything is timed. */
    private static void warmUp(List<Title> real, List<String> labeled) throws IOException {
        Synthesizer synthesizer = new Synthesizer(real, 50_000);
        try (CatalogIndex index = CatalogIndex.inMemory()) {
            List<Title> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < 50_000; i++) {
                batch.add(synthesizer.title(i));
                if (batch.size() == BATCH) {
                    index.update(batch);
                    batch.clear();
                }
            }
            index.commit();
            for (int round = 0; round < 5; round++) {
                for (String q : labeled) {
                    index.search(q, AvailabilityHandler.MAX_RESULTS);
                }
            }
        }
    }

    private static long folderSize(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    /** Recombines the real records' words, authors and copies into as many distinct-looking titles as asked. */
    private static final class Synthesizer {
        private final List<Title> real;
        private final List<String> words = new ArrayList<>();
        private final List<String> authors = new ArrayList<>();
        private final Random random = new Random(42);
        private final int queryEvery;

        Synthesizer(List<Title> real, int size) {
            this.real = real;
            for (Title t : real) {
                for (String w : t.title().split("[^\\p{L}\\p{N}]+")) {
                    if (w.length() > 2) {
                        words.add(w);
                    }
                }
                authors.addAll(t.authors());
            }
            this.queryEvery = Math.max(1, size / SYNTHETIC_QUERIES);
        }

        Title title(int i) {
            Title base = real.get(i % real.size());
            String name;
            if (i < real.size()) {
                name = base.title();
            } else if (random.nextBoolean()) {
                name = base.title() + ". " + phrase(1 + random.nextInt(3));
            } else {
                name = capitalized(phrase(2 + random.nextInt(5)));
            }
            List<String> by = random.nextInt(10) < 7 ? List.of(authors.get(random.nextInt(authors.size()))) : List.of();
            return new Title("bench-" + i, name, base.otherTitleInfo(), base.statement(), by, base.year(),
                    base.publisher(), base.isbns(), base.subjects(), base.series(), base.ageRating(), base.language(),
                    "bench", base.copies());
        }

        /** Every n-th title becomes a reader query: some of its words, maybe a typo, maybe its author's surname. */
        void maybeQuery(int i, Title title, List<String> queries) {
            if (i % queryEvery != 0) {
                return;
            }
            String[] ws = title.title().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
            StringBuilder q = new StringBuilder();
            int start = random.nextInt(Math.max(1, ws.length - 1));
            for (int k = start; k < Math.min(ws.length, start + 2 + random.nextInt(2)); k++) {
                q.append(q.isEmpty() ? "" : " ").append(random.nextInt(4) == 0 ? typo(ws[k]) : ws[k]);
            }
            if (!title.authors().isEmpty() && random.nextBoolean()) {
                q.append(' ').append(title.authors().getFirst().split("[ ,]")[0]);
            }
            queries.add(q.toString());
        }

        private String phrase(int count) {
            StringBuilder p = new StringBuilder();
            for (int k = 0; k < count; k++) {
                p.append(p.isEmpty() ? "" : " ").append(words.get(random.nextInt(words.size())).toLowerCase(Locale.ROOT));
            }
            return p.toString();
        }

        private String typo(String word) {
            if (word.length() < 5) {
                return word;
            }
            int at = 1 + random.nextInt(word.length() - 2);
            char[] c = word.toCharArray();
            char swap = c[at];
            c[at] = c[at + 1];
            c[at + 1] = swap;
            return new String(c);
        }

        private static String capitalized(String s) {
            return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }
    }

    private static List<Title> realTitles() throws IOException {
        record Source(String resource, ImportFormat format, String encoding) {
        }
        List<Title> titles = new ArrayList<>();
        BranchMapping branches = BranchMapping.none("central");
        for (Source s : List.of(new Source("catalog/demo/irbis-ibis-rusmarc.xml.gz", ImportFormat.MARCXML, "utf-8"),
                new Source("catalog/demo/nlr-test1-rusmarc-cp1251.iso.gz", ImportFormat.ISO2709, "windows-1251"),
                new Source("catalog/demo/koha-sample-marc21.mrc.gz", ImportFormat.ISO2709, "utf-8"),
                new Source("catalog/demo/popular-titles.csv", ImportFormat.CSV, "utf-8"))) {
            try (InputStream raw = CatalogSearchBench.class.getClassLoader().getResourceAsStream(s.resource());
                 InputStream in = s.resource().endsWith(".gz") ? new java.util.zip.GZIPInputStream(raw) : raw;
                 TitleSource source = TitleSource.open(s.format(), in, Encodings.named(s.encoding()), branches,
                         LocalDate.now())) {
                while (source.hasNext()) {
                    if (source.next() instanceof SourceItem.Found found) {
                        titles.add(found.title());
                    }
                }
            }
        }
        return titles;
    }

    private static List<String> labeledQueries() throws IOException {
        Path file = Path.of("bot-core/src/test/resources/catalog/queries.tsv");
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\t")[0]).toList();
    }
}
