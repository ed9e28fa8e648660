package ru.librarybot.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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
    private static final int MEASURED_ROUNDS = 3;
    /** Each pass ends the queries with its own mark, which the search ignores: none is answered from remembered answers. */
    private static final String[] PASS_MARKS = {"", "?", "!", "."};

    private CatalogSearchBench() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("bench.catalog.sizes", "100000,1000000").split(","))
                .map(String::strip).mapToInt(Integer::parseInt).toArray();
        List<Title> real = SyntheticCatalog.realTitles();
        List<String> labeled = SyntheticCatalog.labeledQueries();
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
        SyntheticCatalog synthesizer = new SyntheticCatalog(real, size);
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
                index.search(q + PASS_MARKS[0], AvailabilityHandler.MAX_RESULTS); // warm-up
            }
            long[] latencies = new long[queries.size() * MEASURED_ROUNDS];
            long[] cpu = new long[latencies.length];
            long[] slowest = new long[queries.size()];
            int n = 0;
            for (int round = 0; round < MEASURED_ROUNDS; round++) {
                for (int k = 0; k < queries.size(); k++) {
                    long c0 = threads.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    index.search(queries.get(k) + PASS_MARKS[round + 1], AvailabilityHandler.MAX_RESULTS);
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
        SyntheticCatalog synthesizer = new SyntheticCatalog(real, 50_000);
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
}
