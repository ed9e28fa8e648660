package ru.librarybot.bench;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import ru.librarybot.LibrarybotApplication;
import ru.librarybot.catalog.ReaderQuestions;

/**
 * Drives the conversation engine through the web chat API with many simulated readers on the embedded (H2 file)
 * store and prints messages/s with p50/p99 round-trip times: first the capacity (closed loop), then the latency
 * at a given arrival rate (open loop), which is what readers feel.
 *
 * <p>Arguments: {@code messagesPerSecond seconds readers}.
 */
public final class WebChatBenchmark {

    /** What readers of a municipal library typically write, buttons included; %2$s is a book question. */
    private static final List<String> MESSAGES = List.of(
            "{\"user\":\"%s\",\"text\":\"/start\"}",
            "{\"user\":\"%s\",\"text\":\"во сколько вы работаете в субботу?\"}",
            "{\"user\":\"%s\",\"text\":\"Здравствуйте! Есть ли у вас %s?\"}",
            "{\"user\":\"%s\",\"text\":\"вы сегодня открыты\"}",
            "{\"user\":\"%s\",\"button\":\"INFO\"}",
            "{\"user\":\"%s\",\"text\":\"хочу продлить книгу\"}",
            "{\"user\":\"%s\",\"text\":\"какие мероприятия будут на выходных\"}",
            "{\"user\":\"%s\",\"text\":\"где находится детская библиотека\"}",
            "{\"user\":\"%s\",\"button\":\"HELP\"}",
            "{\"user\":\"%s\",\"text\":\"спасибо большое!\"}");

    /** Every book question differs from the last ones: no answer the bot remembers is asked for again soon. */
    private static List<String> bookQuestions = List.of("Мастер и Маргарита");
    private static final AtomicInteger nextBookQuestion = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int readers = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
        Path store = Files.createTempDirectory("librarybot-bench");
        bookQuestions = ReaderQuestions.distinct(20_000).stream().map(WebChatBenchmark::json).toList();
        System.out.printf("book questions: %d distinct, asked in turn%n", bookQuestions.size());

        // command-line arguments, since application.yml would override default properties
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LibrarybotApplication.class)
                .run("--server.port=0", "--librarybot.embedded-store.backend=h2",
                        "--librarybot.embedded-store.path=" + store.resolve("bench.mv"),
                        "--logging.level.root=WARN", "--spring.main.banner-mode=off")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            @SuppressWarnings("resource") // closed with the application's server
            KeptConnections http = new KeptConnections(new InetSocketAddress("127.0.0.1", port),
                    "/api/webchat/messages");

            System.out.printf("warm-up: closed loop, 16 readers, 10 s%n");
            closedLoop(http, 16, Duration.ofSeconds(10), "warm");

            System.out.printf("capacity: closed loop, 32 concurrent readers, 15 s%n");
            System.out.println(closedLoop(http, 32, Duration.ofSeconds(15), "cap"));

            MeterRegistry meters = app.getBean(MeterRegistry.class);
            System.out.printf("latency: open loop, %d messages/s from %d readers for %d s%n", rate, readers, seconds);
            System.out.println(openLoop(http, rate, seconds, readers));
            System.out.println(handlingTimes(meters));
        }
    }

    /** Readers that each send their next message as soon as the previous one is answered: the most it can take. */
    private static Result closedLoop(KeptConnections http, int readers, Duration duration, String prefix)
            throws InterruptedException {
        List<Latencies> perReader = new ArrayList<>();
        AtomicLong failures = new AtomicLong();
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int r = 0; r < readers; r++) {
                Latencies latencies = new Latencies();
                perReader.add(latencies);
                String user = prefix + "-" + r;
                int offset = r;
                pool.submit(() -> {
                    for (int i = 0; System.nanoTime() < deadline; i++) {
                        latencies.add(send(http, user, offset + i, failures));
                    }
                });
            }
        }
        long elapsed = System.nanoTime() - started;
        return new Result(perReader.stream().flatMapToLong(Latencies::stream).toArray(), elapsed, failures.get());
    }

    /** Grows as needed, so the benchmark's own bookkeeping does not sit in the bot's heap. */
    private static final class Latencies {
        private long[] values = new long[1024];
        private int size;

        void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        java.util.stream.LongStream stream() {
            return Arrays.stream(values, 0, size);
        }
    }

    /** Messages arriving at a fixed rate whatever the answers take, as readers' messages arrive. */
    private static Result openLoop(KeptConnections http, int rate, int seconds, int readers)
            throws InterruptedException {
        int total = rate * seconds;
        long[] latencies = new long[total];
        AtomicInteger next = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        long interval = 1_000_000_000L / rate;
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                long due = started + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                int n = i;
                pool.submit(() -> latencies[next.getAndIncrement()] =
                        send(http, "open-" + (n % readers), n / readers + n, failures));
            }
        }
        long elapsed = System.nanoTime() - started;
        return new Result(latencies, elapsed, failures.get());
    }

    private static long send(KeptConnections http, String user, int n, AtomicLong failures) {
        String message = MESSAGES.get(Math.floorMod(n, MESSAGES.size()));
        String body = message.contains("%s?") ? message.formatted(user,
                bookQuestions.get(Math.floorMod(nextBookQuestion.getAndIncrement(), bookQuestions.size())))
                : message.formatted(user);
        long t0 = System.nanoTime();
        try {
            if (http.post(body) != 200) {
                failures.incrementAndGet();
            }
        } catch (Exception e) {
            failures.incrementAndGet();
        }
        return System.nanoTime() - t0;
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String handlingTimes(MeterRegistry meters) {
        List<String> lines = new ArrayList<>();
        for (Timer timer : meters.find("librarybot.handling").timers()) {
            lines.add(String.format("  handling %-13s n=%-7d mean=%.2f ms max=%.2f ms", timer.getId().getTag("intent"),
                    timer.count(), timer.mean(java.util.concurrent.TimeUnit.MILLISECONDS),
                    timer.max(java.util.concurrent.TimeUnit.MILLISECONDS)));
        }
        List<String> store = meters.find("mongodb.driver.commands").timers().stream()
                .sorted(java.util.Comparator.comparingLong(Timer::count).reversed())
                .map(timer -> String.format("  %-13s %-22s n=%-7d mean=%.2f ms", timer.getId().getTag("command"),
                        timer.getId().getTag("collection"), timer.count(),
                        timer.mean(java.util.concurrent.TimeUnit.MILLISECONDS)))
                .toList();
        return (lines.isEmpty() ? "  (no librarybot.handling timer registered)"
                : "server-side handling per intent, whole run:\n" + String.join("\n", lines))
                + "\nstore commands, whole run:\n" + String.join("\n", store);
    }

    private record Result(long[] latencies, long elapsedNanos, long failures) {
        @Override
        public String toString() {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            double seconds = elapsedNanos / 1e9;
            return String.format("messages: %d in %.2f s = %.0f messages/s; failures: %d%n"
                            + "round trip p50 = %.2f ms, p99 = %.2f ms, max = %.2f ms",
                    sorted.length, seconds, sorted.length / seconds, failures,
                    percentile(sorted, 0.50), percentile(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
        }

        private static double percentile(long[] sorted, double p) {
            return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
        }
    }
}
