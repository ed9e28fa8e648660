package ru.librarybot.catalog;

import java.io.File;
import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.management.JMException;
import javax.management.ObjectName;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.librarybot.LibrarybotApplication;

/**
 * The whole bot on the embedded H2 store with a catalog of up to 1,000,000 synthesized titles, in the heap the
 * catalog target allows ({@code -Xmx1g}): loads the titles into the store and the search index through the bot's
 * own beans, the importer's steps batch by batch, measuring the heap after full GCs as the catalog grows; then times
 * reader searches through the bot's {@link CatalogSearch}, the site widget's HTTP search and the web chat, and
 * finally restarts the bot on the same data: once with the start-up title count taken from the collection's metadata
 * (a bench-only replacement of {@link Catalog#count()}), once as shipped.
 *
 * <p>Arguments: {@code titles loadMinutes}; loading stops, saying so, when it takes longer than loadMinutes.
 * With {@code startup-check maxTitles [step]} it instead grows the catalog by step titles (10,000) and runs after
 * each step what the bot's start-up does with the store ({@link Catalog#count()}, {@link Catalog#isEmpty()}, and the index
 * rebuild from the store), until one fails or maxTitles is reached.
 */
public final class RunningBotMemoryBench {

    /** The importer's batch: what a library's import writes at a time. */
    private static final int BATCH = 500;
    private static final int PROGRESS_EVERY = 50_000;
    private static final List<Integer> CHECKPOINTS = List.of(100_000, 250_000, 500_000, 1_000_000);
    private static final int HTTP_SEARCHES = 300;
    private static final int CHAT_MESSAGES = 300;
    private static final int SEARCHES_AFTER_RESTART = 500;
    private static final List<String> CHAT_FORMS = List.of("есть ли у вас %s?", "Здравствуйте! Ищу книгу %s",
            "%s есть в библиотеке?", "хочу взять %s");

    private RunningBotMemoryBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("startup-check")) {
            startupCheck(args.length > 1 ? Integer.parseInt(args[1]) : 200_000,
                    args.length > 2 ? Integer.parseInt(args[2]) : 10_000);
            System.exit(0);
        }
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Duration loadBound = Duration.ofMinutes(args.length > 1 ? Long.parseLong(args[1]) : 15);
        Path dir = Files.createTempDirectory("librarybot-catmem");
        String[] settings = settings(dir);

        System.out.printf("Running-bot catalog memory bench: up to %,d titles, loading bounded to %d min; %s, %d cores, "
                        + "max heap %,d MB, GC %s%n", size, loadBound.toMinutes(), Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                        .collect(Collectors.joining(", ")));
        System.out.printf("data folder %s; load average at start: %s%n", dir, loadAverage());
        List<Title> real = SyntheticCatalog.realTitles();
        SyntheticCatalog synthesizer = new SyntheticCatalog(real, size);
        List<String> queries = new ArrayList<>(SyntheticCatalog.labeledQueries());

        int loaded;
        try {
            long t0 = System.nanoTime();
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LibrarybotApplication.class)
                    .run(settings)) {
                System.out.printf("bot started on an empty catalog in %.1f s; %s%n", seconds(t0), memory());
                loaded = load(app, synthesizer, size, loadBound, queries);
                System.out.printf("%n== the running bot with %,d titles ==%n", loaded);
                System.out.println(memory());
                if (Boolean.getBoolean("bench.histogram")) {
                    System.out.println(histogram(25));
                }
                System.out.printf("store file %,d MB, index %,d MB on disk; load average %s%n",
                        Files.size(dir.resolve("bench.mv")) >> 20, folderSize(dir.resolve("catalog-index")) >> 20,
                        loadAverage());
                check(app, loaded);
                searches(app, queries);
                System.out.printf("after the searches: %s%n", memory());
            }
            restart("start-up count from the collection's metadata (bench-only replacement of Catalog.count)",
                    settings, MetadataCount.class, queries, loaded);
            restart("as shipped", settings, null, queries, loaded);
        } finally {
            delete(dir);
        }
        System.out.printf("load average at the end: %s%n", loadAverage());
        // an OutOfMemoryError in the embedded store's threads can leave them running
        System.exit(0);
    }

    /** Command-line arguments, since application.yml would override default properties. */
    private static String[] settings(Path dir) {
        return new String[] {"--server.port=0", "--librarybot.embedded-store.backend=h2",
                "--librarybot.embedded-store.path=" + dir.resolve("bench.mv"),
                "--librarybot.catalog.index-dir=" + dir.resolve("catalog-index"),
                "--librarybot.catalog.demo=false", "--librarybot.circulation.demo=false",
                "--logging.level.root=WARN", "--spring.main.banner-mode=off"};
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * What the importer does with each batch of records read (look up the titles already there, save, index), until
     * {@code size} titles or the time bound; answers how many titles the catalog holds.
     */
    private static int load(ConfigurableApplicationContext app, SyntheticCatalog synthesizer, int size,
                            Duration bound, List<String> queries) throws IOException {
        Catalog catalog = app.getBean(Catalog.class);
        CatalogIndex index = app.getBean(CatalogIndex.class);
        Path indexDir = Path.of(app.getEnvironment().getProperty("librarybot.catalog.index-dir"));
        System.out.printf("%n== loading ==%n");
        System.out.println("| titles | loading time | titles/s | heap used after GC | heap committed | process RSS "
                + "(anon / file) | index on disk |");
        System.out.println("|---|---|---|---|---|---|---|");
        long started = System.nanoTime();
        long deadline = started + bound.toNanos();
        long measuring = 0;
        long lastProgress = started;
        List<Title> batch = new ArrayList<>(BATCH);
        int count = 0;
        while (count < size) {
            Title title = synthesizer.title(count);
            synthesizer.maybeQuery(count, title, queries);
            batch.add(title);
            count++;
            if (batch.size() < BATCH && count < size) {
                continue;
            }
            catalog.findAll(batch.stream().map(Title::id).toList());
            catalog.saveAll(batch);
            index.update(batch);
            batch.clear();
            if (count % PROGRESS_EVERY == 0) {
                long now = System.nanoTime();
                System.err.printf("  %,d titles, %.0f s, %,.0f titles/s over the last %,d; heap in use %,d MB; "
                                + "load average %s%n", count, (now - started - measuring) / 1e9,
                        PROGRESS_EVERY / ((now - lastProgress) / 1e9), PROGRESS_EVERY,
                        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20, loadAverage());
                lastProgress = now;
            }
            boolean late = System.nanoTime() > deadline;
            if (CHECKPOINTS.contains(count) || count == size || late) {
                long t0 = System.nanoTime();
                index.commit();
                double took = (t0 - started - measuring) / 1e9;
                Heap heap = Heap.afterGc();
                System.out.printf(Locale.ROOT, "| %,d | %.0f s | %,.0f | %,d MB | %,d MB | %s | %,d MB |%n", count,
                        took, count / took, heap.used() >> 20, heap.committed() >> 20, rss(),
                        folderSize(indexDir) >> 20);
                measuring += System.nanoTime() - t0;
                lastProgress += System.nanoTime() - t0;
            }
            if (late && count < size) {
                System.out.printf("STOPPED: loading %,d titles took longer than %d minutes; %,d titles are loaded, "
                        + "and every figure below is for %,d titles, not %,d%n", size, bound.toMinutes(), count,
                        count, size);
                break;
            }
        }
        return count;
    }

    /**
     * The store and the index both hold every title loaded. The store is asked for its collection's size, not
     * through {@link Catalog#count()}: on the embedded store that reads every title into the heap (see startup-check).
     */
    private static void check(ConfigurableApplicationContext app, int loaded) {
        long inStore = app.getBean(MongoTemplate.class).getCollection(Catalog.COLLECTION).estimatedDocumentCount();
        int inIndex = app.getBean(CatalogIndex.class).size();
        System.out.printf("titles in the store: %,d, in the index: %,d%n", inStore, inIndex);
        if (inStore != loaded || inIndex != loaded) {
            throw new IllegalStateException("The catalog does not hold the " + loaded + " titles loaded");
        }
    }

    private static void searches(ConfigurableApplicationContext app, List<String> all) throws Exception {
        CatalogSearch search = app.getBean(CatalogSearch.class);
        CatalogIndex index = app.getBean(CatalogIndex.class);
        // the readers in the web chat ask for books nobody searched before, so no answer is a remembered one
        List<String> said = every(all.reversed(), CHAT_MESSAGES);
        List<String> queries = all.stream().filter(q -> !said.contains(q)).toList();
        System.out.printf("%n== searches: %,d reader queries (labeled ones and fragments of loaded titles) ==%n",
                queries.size());
        // each pass ends the queries with its own mark, which the search ignores: none is answered from memory
        for (String q : queries) {
            search.search(q, AvailabilityHandler.MAX_RESULTS); // warm-up: JIT, store pages, index pages
        }
        Latencies indexOnly = new Latencies(queries.size());
        for (String q : queries) {
            long t0 = System.nanoTime();
            index.search(q + "?", AvailabilityHandler.MAX_RESULTS);
            indexOnly.add(System.nanoTime() - t0);
        }
        Latencies bot = new Latencies(queries.size());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int found = 0;
        for (String q : queries) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            List<Title> titles = search.search(q + "!", AvailabilityHandler.MAX_RESULTS);
            bot.add(System.nanoTime() - t0, threads.getCurrentThreadCpuTime() - c0);
            found += titles.isEmpty() ? 0 : 1;
        }
        System.out.printf("CatalogSearch.search(q, 9), index + store lookup of the titles found: %s; %,d of %,d "
                + "queries found a title%n", bot, found, queries.size());
        System.out.printf("CatalogIndex.search(q, 9) alone, same queries: %s%n", indexOnly);

        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> sample = every(queries, HTTP_SEARCHES);
        Latencies widget = new Latencies(sample.size());
        int ok = 0;
        for (String q : sample) {
            URI uri = URI.create("http://127.0.0.1:" + port + "/api/catalog/search?limit=9&q="
                    + URLEncoder.encode(q + ".", StandardCharsets.UTF_8));
            long t0 = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            widget.add(System.nanoTime() - t0);
            ok += response.statusCode() == 200 && response.body().contains("\"titles\":[") ? 1 : 0;
        }
        System.out.printf("GET /api/catalog/search, %d queries one after another: %s; %d answered 200%n",
                sample.size(), widget, ok);

        Latencies chat = new Latencies(said.size());
        int availability = 0;
        for (int k = 0; k < said.size(); k++) {
            String text = CHAT_FORMS.get(k % CHAT_FORMS.size()).formatted(said.get(k));
            String body = "{\"user\":\"catmem-" + k + "\",\"text\":\"" + json(text) + "\"}";
            long t0 = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/webchat/messages"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            chat.add(System.nanoTime() - t0);
            availability += response.statusCode() == 200 && response.body().contains("\"intent\":\"AVAILABILITY\"")
                    ? 1 : 0;
        }
        System.out.printf("POST /api/webchat/messages, %d readers asking for a book one after another: %s; "
                + "%d answered as AVAILABILITY%n", said.size(), chat, availability);
    }

    /** A restart on the same store and index: the start-up check, then the bot at rest and searching. */
    private static void restart(String what, String[] settings, Class<?> extra, List<String> queries, int loaded) {
        System.out.printf("%n== restart on the same data (%,d titles), %s ==%n", loaded, what);
        long t0 = System.nanoTime();
        SpringApplicationBuilder builder = extra == null ? new SpringApplicationBuilder(LibrarybotApplication.class)
                : new SpringApplicationBuilder(LibrarybotApplication.class, extra);
        try (ConfigurableApplicationContext app = builder.run(settings)) {
            System.out.printf("started in %.1f s (catalog bean %s); index %,d titles; %s%n", seconds(t0),
                    app.getBean(Catalog.class).getClass().getSimpleName(), app.getBean(CatalogIndex.class).size(),
                    memory());
            CatalogSearch search = app.getBean(CatalogSearch.class);
            List<String> sample = every(queries, SEARCHES_AFTER_RESTART);
            Latencies cold = new Latencies(sample.size());
            for (String q : sample) {
                long s0 = System.nanoTime();
                search.search(q, AvailabilityHandler.MAX_RESULTS);
                cold.add(System.nanoTime() - s0);
            }
            System.out.printf("first %d searches after the restart: %s%n", sample.size(), cold);
            System.out.printf("after them: %s%n", memory());
        } catch (RuntimeException | Error e) {
            System.out.printf("RESTART FAILED after %.1f s: %s%n", seconds(t0), e);
        }
    }

    /**
     * Grows the catalog step titles at a time and after each step runs what the bot's start-up does with the
     * store: {@link Catalog#count()} (every start), {@link Catalog#isEmpty()} (when the demo catalog is on) and
     * {@link CatalogIndex#rebuild(Catalog)} (when the index is missing or out of step).
     */
    private static void startupCheck(int maxTitles, int step) throws Exception {
        Path dir = Files.createTempDirectory("librarybot-catmem");
        System.out.printf("Start-up work on a growing catalog, up to %,d titles; %s, %d cores, max heap %,d MB; "
                        + "load average %s%n", maxTitles, Runtime.version(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, loadAverage());
        System.out.println("| titles | heap used after GC | Catalog.count() | Catalog.isEmpty() | index rebuild from the "
                + "store |");
        System.out.println("|---|---|---|---|---|");
        SyntheticCatalog synthesizer = new SyntheticCatalog(SyntheticCatalog.realTitles(), maxTitles);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LibrarybotApplication.class)
                .run(settings(dir))) {
            Catalog catalog = app.getBean(Catalog.class);
            CatalogIndex index = app.getBean(CatalogIndex.class);
            List<Title> batch = new ArrayList<>(BATCH);
            for (int count = 0; count < maxTitles; ) {
                batch.add(synthesizer.title(count++));
                if (batch.size() == BATCH) {
                    catalog.saveAll(batch);
                    index.update(batch);
                    batch.clear();
                }
                if (count % step != 0) {
                    continue;
                }
                index.commit();
                long heap = Heap.afterGc().used() >> 20;
                String counted = timed(() -> String.format("%,d", catalog.count()));
                String empty = timed(() -> String.valueOf(catalog.isEmpty()));
                String rebuilt = counted.startsWith("FAILED") ? "not tried"
                        : timed(() -> {
                            index.rebuild(catalog);
                            return String.format("%,d titles", index.size());
                        });
                System.out.printf("| %,d | %,d MB | %s | %s | %s |%n", count, heap, counted, empty, rebuilt);
                if (counted.startsWith("FAILED") || rebuilt.startsWith("FAILED")) {
                    break;
                }
            }
        } catch (RuntimeException | Error e) {
            System.out.printf("the bot failed: %s%n", e);
        } finally {
            delete(dir);
        }
        System.out.printf("load average at the end: %s%n", loadAverage());
    }

    private static String timed(Callable<String> work) {
        long t0 = System.nanoTime();
        try {
            String result = work.call();
            return String.format(Locale.ROOT, "%s in %.1f s", result, seconds(t0));
        } catch (Exception | Error e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            return String.format(Locale.ROOT, "FAILED after %.1f s: %s", seconds(t0), root);
        }
    }

    /** The fix this bench tries: the start-up count from the collection's metadata, O(1) in MongoDB and H2 alike. */
    static final class MetadataCountingCatalog extends Catalog {
        private final MongoTemplate mongo;

        MetadataCountingCatalog(MongoTemplate mongo, Clock clock) {
            super(mongo, clock);
            this.mongo = mongo;
        }

        @Override
        public long count() {
            return mongo.getCollection(COLLECTION).estimatedDocumentCount();
        }
    }

    /** Puts {@link MetadataCountingCatalog} in the place of the bot's catalog bean. */
    static final class MetadataCount implements BeanPostProcessor,
            BeanFactoryAware {
        private BeanFactory beans;

        @Override
        public void setBeanFactory(BeanFactory beanFactory) {
            this.beans = beanFactory;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
            return bean instanceof Catalog && !(bean instanceof MetadataCountingCatalog)
                    ? new MetadataCountingCatalog(beans.getBean(MongoTemplate.class), beans.getBean(Clock.class))
                    : bean;
        }
    }

    private static String memory() {
        Heap heap = Heap.afterGc();
        String direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(Predicate.not(p -> p.getMemoryUsed() == 0))
                .map(p -> p.getName() + " buffers " + (p.getMemoryUsed() >> 20) + " MB")
                .collect(Collectors.joining(", "));
        MemoryUsage nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
        return String.format("heap used after full GC %,d MB of %,d MB max (committed %,d MB); non-heap %,d MB; %s; "
                        + "process RSS %s", heap.used() >> 20, heap.max() >> 20, heap.committed() >> 20,
                nonHeap.getUsed() >> 20, direct.isEmpty() ? "no direct buffers" : direct, rss());
    }

    /** The classes holding most of the heap, as {@code jcmd GC.class_histogram} prints them. */
    private static String histogram(int lines) {
        try {
            Object text = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            return ((String) text).lines().limit(lines + 3L).collect(Collectors.joining("\n"));
        } catch (JMException e) {
            return "no class histogram: " + e.getMessage();
        }
    }

    private record Heap(long used, long committed, long max) {

        /** Three full collections apart, so what is left is what the bot holds. */
        static Heap afterGc() {
            for (int i = 0; i < 3; i++) {
                System.gc();
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            return new Heap(heap.getUsed(), heap.getCommitted(), heap.getMax());
        }
    }

    /** Wall-clock (and where the work stays on this thread, CPU) times of one kind of request. */
    private static final class Latencies {
        private final long[] wall;
        private final long[] cpu;
        private int n;

        Latencies(int capacity) {
            wall = new long[capacity];
            cpu = new long[capacity];
        }

        void add(long wallNanos) {
            add(wallNanos, -1);
        }

        void add(long wallNanos, long cpuNanos) {
            wall[n] = wallNanos;
            cpu[n++] = cpuNanos;
        }

        @Override
        public String toString() {
            long[] w = Arrays.copyOf(wall, n);
            long[] c = Arrays.copyOf(cpu, n);
            Arrays.sort(w);
            Arrays.sort(c);
            String cpuPart = c.length > 0 && c[0] >= 0
                    ? String.format(Locale.ROOT, " (this thread's CPU p50 %.2f, p99 %.2f ms)", ms(c, 0.5), ms(c, 0.99))
                    : "";
            return String.format(Locale.ROOT, "p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.1f ms%s", ms(w, 0.5),
                    ms(w, 0.9), ms(w, 0.99), w[w.length - 1] / 1e6, cpuPart);
        }

        private static double ms(long[] sorted, double quantile) {
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
        }
    }

    /** About {@code count} items spread evenly over the list, so every kind of query is among them. */
    private static List<String> every(List<String> all, int count) {
        int step = Math.max(1, all.size() / count);
        List<String> picked = new ArrayList<>(count);
        for (int i = 0; i < all.size() && picked.size() < count; i += step) {
            picked.add(all.get(i));
        }
        return picked;
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Resident memory of this process: anonymous (heap, code, buffers) and file pages (the mapped index, jars). */
    private static String rss() {
        try {
            List<String> status = Files.readAllLines(Path.of("/proc/self/status"));
            return String.format("%s MB (%s / %s MB)", kbToMb(status, "VmRSS"), kbToMb(status, "RssAnon"),
                    kbToMb(status, "RssFile"));
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static String kbToMb(List<String> status, String key) {
        return status.stream().filter(l -> l.startsWith(key + ":")).findFirst()
                .map(l -> String.format("%,d", Long.parseLong(l.replaceAll("\\D", "")) >> 10)).orElse("?");
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "n/a";
        }
    }

    /** The index folder is flat; merges may delete files while it is listed, which then count as empty. */
    private static long folderSize(Path dir) {
        File[] files = dir.toFile().listFiles();
        return files == null ? 0 : Arrays.stream(files).mapToLong(File::length).sum();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
