package ru.librarybot.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import org.bson.Document;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import ru.librarybot.LibrarybotApplication;
import ru.librarybot.messenger.Inbox;
import ru.librarybot.messenger.Outbox;

/**
 * Drives a messenger connector end to end: the whole application on the embedded (H2 file) store, its connector
 * pointed at a local fake of the platform. Updates from many chats are offered to the platform side at a given rate
 * (or all at once), and each update's reply is taken as the fake receives its last message. Prints the updates/s
 * handled, from the first update offered to the last reply received, and the latency from an update offered to its
 * reply received.
 *
 * <p>Arguments after the platform's mode: {@code raised|real updates rate chats warmUp}: {@code raised} lifts the
 * fake's limits and the outbox's pacing as far as they go, {@code real} keeps the platform's published limits; a
 * rate of 0 offers every update at once (capacity); the warm-up updates come from other chats, before measuring.
 */
public final class MessengerBenchmark {

    /** What readers of a municipal library typically write; {@code button:} marks a press of a menu button. */
    private static final List<String> MESSAGES = List.of(
            "/start",
            "во сколько вы работаете в субботу?",
            "Здравствуйте! Есть ли у вас Мастер и Маргарита?",
            "вы сегодня открыты",
            "button:INFO",
            "хочу продлить книгу",
            "какие мероприятия будут на выходных",
            "где находится детская библиотека",
            "button:HELP",
            "спасибо большое!");
    // where the outbox keeps each reply with the number of its platform messages sent ("sent") and its state
    private static final String OUTBOX = "messenger_outbox";
    private static final Duration PATIENCE = Duration.ofSeconds(100);

    private MessengerBenchmark() {
    }

    /** One update a reader sends: a text, or a press of a button carrying {@code button} (then text is null). */
    public record Update(int id, long chat, String text, String button) {
    }

    /** A message the fake platform received from the bot. */
    public record Received(long chat, long atNanos) {
    }

    /** What one platform's harness supplies: its fake, how an update reaches the bot, what the fake received. */
    public interface Platform extends AutoCloseable {

        String name();

        /** Application arguments pointing the connector at the fake, with the outbox's limits raised or not. */
        List<String> settings(boolean raised);

        /** Lifts the fake platform's own limits. */
        void raiseFakeLimits();

        /** Called once the application runs, with its HTTP port (where a push mode posts updates). */
        void started(int port);

        /** Offers one update, in order, from one thread; must not wait for the bot. */
        void offer(Update update);

        /** Whether every update offered has reached the bot (a push answered, whatever its status). */
        boolean settled();

        /** Updates the bot refused to take (a push answered with other than 200). */
        long refused();

        /** The outbox id of the reply to an update. */
        String replyId(Update update);

        /** Messages the fake received from the bot, in the order received. */
        List<Received> received();

        /** Refusals the fake handed out for going over its limits (429, VK error 6). */
        long limitRefusals();

        /** The most updates/s the platform's published limits let through, for this mix of replies. */
        double limiterBound(double messagesPerUpdate, double pressesPerUpdate, int chats);

        @Override
        void close();
    }

    public static void run(Platform platform, String[] args) throws Exception {
        // both connectors' test jars carry a logback-test.xml: logback's notes about the duplicate are noise here
        System.setProperty("logback.statusListenerClass", "ch.qos.logback.core.status.NopStatusListener");
        boolean raised = !"real".equals(arg(args, 0, "raised"));
        int updates = Integer.parseInt(arg(args, 1, "10000"));
        int rate = Integer.parseInt(arg(args, 2, "0"));
        int chats = Integer.parseInt(arg(args, 3, "2000"));
        int warmUp = Integer.parseInt(arg(args, 4, "2000"));
        Path store = Files.createTempDirectory("librarybot-messenger-bench");
        if (raised) {
            platform.raiseFakeLimits();
        }
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
                "--logging.level.root=WARN", "--librarybot.embedded-store.backend=h2",
                "--librarybot.embedded-store.path=" + store.resolve("bench.mv"),
                "--librarybot.catalog.index-dir=" + store.resolve("catalog-index")));
        arguments.addAll(platform.settings(raised));
        System.out.printf("%s, %s limits; %s, %d cores, load average %s%n", platform.name(),
                raised ? "raised" : "real", Runtime.version(), Runtime.getRuntime().availableProcessors(), loadAverage());
        try (platform; ConfigurableApplicationContext app = new SpringApplicationBuilder(LibrarybotApplication.class)
                .run(arguments.toArray(String[]::new))) {
            platform.started(((WebServerApplicationContext) app).getWebServer().getPort());
            Driver driver = new Driver(platform, app);
            if (warmUp > 0) {
                System.out.printf("warm-up: %d updates from %d other chats, all at once%n", warmUp, Math.min(chats, warmUp));
                System.out.println(driver.drive(warmUp, 0, Math.min(chats, warmUp), 100_000_000L));
            }
            System.out.printf("measured: %d updates from %d chats, %s%n", updates, chats,
                    rate == 0 ? "offered all at once" : "offered at " + rate + " a second");
            Result result = driver.drive(updates, rate, chats, 200_000_000L);
            System.out.println(result);
            if (!raised) {
                System.out.printf("  the limiter's bound for this mix: %.1f updates/s%n", platform.limiterBound(
                        result.messagesPerUpdate(), result.pressesPerUpdate(), chats));
            }
        } finally {
            deleteQuietly(store);
        }
    }

    private static String arg(String[] args, int index, String otherwise) {
        return args.length > index ? args[index] : otherwise;
    }

    /** Offers updates, waits for their replies, and matches each update with the fake's messages for it. */
    private static final class Driver {
        private final Platform platform;
        private final Inbox inbox;
        private final Outbox outbox;
        private final MongoTemplate mongo;
        private int nextUpdateId = 1;

        Driver(Platform platform, ConfigurableApplicationContext app) {
            this.platform = platform;
            this.inbox = app.getBean(Inbox.class);
            this.outbox = app.getBean(Outbox.class);
            this.mongo = app.getBean(MongoTemplate.class);
        }

        Result drive(int count, int rate, int chats, long firstChat) throws InterruptedException {
            Update[] updates = new Update[count];
            long[] offeredAt = new long[count];
            long limitRefusalsBefore = platform.limitRefusals();
            long refusedBefore = platform.refused();
            LoadSampler load = LoadSampler.start();
            long cpuBefore = processCpuNanos();
            long interval = rate == 0 ? 0 : 1_000_000_000L / rate;
            long started = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long chat = firstChat + i % chats;
                String said = MESSAGES.get((int) ((i / chats + chat) % MESSAGES.size()));
                updates[i] = said.startsWith("button:")
                        ? new Update(nextUpdateId++, chat, null, said.substring("button:".length()))
                        : new Update(nextUpdateId++, chat, said, null);
                long wait = started + i * interval - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                offeredAt[i] = System.nanoTime();
                platform.offer(updates[i]);
            }
            Map<String, Document> replies = awaitReplies(updates);
            long cpu = processCpuNanos() - cpuBefore;
            return match(updates, offeredAt, replies, platform.received(), cpu, load.stop(),
                    platform.limitRefusals() - limitRefusalsBefore, platform.refused() - refusedBefore);
        }

        /** The outbox entries of the replies, once every update is taken, handled and its reply sent or failed. */
        private Map<String, Document> awaitReplies(Update[] updates) throws InterruptedException {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            Map<String, Document> replies = Map.of();
            while (System.nanoTime() < deadline) {
                Thread.sleep(100);
                if (!platform.settled() || !inbox.idle() || !outbox.idle()) {
                    continue;
                }
                replies = replies(updates);
                if (replies.size() == updates.length
                        && replies.values().stream().noneMatch(reply -> "pending".equals(reply.getString("state")))) {
                    return replies;
                }
                // a poll between two batches leaves the lanes idle for a moment: look again a little later
                Thread.sleep(400);
            }
            replies = replies(updates);
            System.out.printf("  gave up waiting after %d s: %d of %d replies are in the outbox, %d of them still "
                    + "pending%n", PATIENCE.toSeconds(), replies.size(), updates.length, replies.values().stream()
                    .filter(reply -> "pending".equals(reply.getString("state"))).count());
            return replies;
        }

        private Map<String, Document> replies(Update[] updates) {
            Map<String, Document> all = new HashMap<>();
            Query query = new Query();
            query.fields().include("sent", "state");
            for (Document reply : mongo.find(query, Document.class, OUTBOX)) {
                all.put(reply.getString("_id"), reply);
            }
            Map<String, Document> ours = new HashMap<>();
            for (Update update : updates) {
                Document reply = all.get(platform.replyId(update));
                if (reply != null) {
                    ours.put(platform.replyId(update), reply);
                }
            }
            return ours;
        }

        /**
         * A chat's replies arrive in the order its updates were offered (one lane per chat in the inbox and in the
         * outbox), so its k-th reply is made of the next {@code sent} messages the fake received for the chat.
         */
        private Result match(Update[] updates, long[] offeredAt, Map<String, Document> replies, List<Received> received,
                             long cpuNanos, double[] load, long limitRefusals, long refused) {
            Map<Long, List<Received>> byChat = new HashMap<>();
            for (Received message : received) {
                byChat.computeIfAbsent(message.chat(), chat -> new ArrayList<>()).add(message);
            }
            Map<Long, Integer> taken = new HashMap<>();
            long[] latencies = new long[updates.length];
            int answered = 0;
            int failed = 0;
            int unfinished = 0;
            int unanswered = 0;
            int messages = 0;
            int presses = 0;
            long lastReply = 0;
            for (int i = 0; i < updates.length; i++) {
                Update update = updates[i];
                presses += update.button() == null ? 0 : 1;
                Document reply = replies.get(platform.replyId(update));
                if (reply == null) {
                    unanswered++;
                    continue;
                }
                int parts = reply.getInteger("sent", 0);
                int from = taken.getOrDefault(update.chat(), 0);
                taken.put(update.chat(), from + parts);
                List<Received> chat = byChat.getOrDefault(update.chat(), List.of());
                if ("failed".equals(reply.getString("state"))) {
                    failed++;
                    continue;
                }
                if (!"sent".equals(reply.getString("state")) || parts == 0 || from + parts > chat.size()) {
                    unfinished++;
                    continue;
                }
                messages += parts;
                long at = chat.get(from + parts - 1).atNanos();
                latencies[answered++] = at - offeredAt[i];
                lastReply = Math.max(lastReply, at);
            }
            int unmatched = 0;
            for (Map.Entry<Long, Integer> chat : taken.entrySet()) {
                unmatched += Math.abs(byChat.getOrDefault(chat.getKey(), List.of()).size() - chat.getValue());
            }
            return new Result(updates.length, answered, failed, unfinished, unanswered, refused, messages, presses,
                    unmatched,
                    limitRefusals, Arrays.copyOf(latencies, answered), lastReply - offeredAt[0], cpuNanos, load);
        }
    }

    /** Posts updates to the bot as a platform does in push mode: a few connections at a time, one chat's in order. */
    public static final class Pushes {
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        private final Semaphore connections;
        private final Map<Long, CompletableFuture<Void>> chats = new HashMap<>();
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicLong refused = new AtomicLong();

        /** @param connections how many requests the platform keeps open at once (Telegram's default is 40) */
        public Pushes(int connections) {
            this.connections = new Semaphore(connections);
        }

        /** Posts after the chat's previous update was answered; returns at once. Call from one thread. */
        public void push(long chat, HttpRequest request) {
            inFlight.incrementAndGet();
            CompletableFuture<Void> previous = chats.getOrDefault(chat, CompletableFuture.completedFuture(null));
            chats.put(chat, previous.handleAsync((done, failure) -> {
                post(request);
                return null;
            }, pool));
        }

        public boolean settled() {
            return inFlight.get() == 0;
        }

        public long refused() {
            return refused.get();
        }

        private void post(HttpRequest request) {
            try {
                connections.acquire();
                try {
                    if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                        refused.incrementAndGet();
                    }
                } finally {
                    connections.release();
                }
            } catch (IOException e) {
                refused.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
        }

        public URI local(int port, String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }
    }

    private record Result(int updates, int answered, int failed, int unfinished, int unanswered, long refused,
                          int messages, int presses, int unmatched, long limitRefusals, long[] latencies,
                          long elapsedNanos, long cpuNanos, double[] load) {

        /** Platform messages per reply received whole. */
        double messagesPerUpdate() {
            return answered == 0 ? 0 : (double) messages / answered;
        }

        double pressesPerUpdate() {
            return (double) presses / updates;
        }

        @Override
        public String toString() {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            double seconds = elapsedNanos / 1e9;
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "  handled: %d of %d updates in %.2f s = %.1f updates/s "
                            + "(first offered to last reply received)%n", answered, updates, seconds, answered / seconds));
            out.append(String.format(Locale.ROOT, "  replies: %d messages (%.2f per reply), %d button presses; "
                            + "failed %d, not received whole %d, unanswered %d, refused by the bot %d, unmatched "
                            + "messages %d, limit refusals by the fake %d%n", messages, messagesPerUpdate(), presses,
                    failed, unfinished, unanswered, refused, unmatched, limitRefusals));
            if (sorted.length > 0) {
                out.append(String.format(Locale.ROOT, "  update offered to reply received: p50 = %.1f ms, p90 = %.1f ms,"
                                + " p99 = %.1f ms, max = %.1f ms%n", percentile(sorted, 0.50), percentile(sorted, 0.90),
                        percentile(sorted, 0.99), sorted[sorted.length - 1] / 1e6));
            }
            out.append(String.format(Locale.ROOT, "  process CPU %.1f s (%.2f ms per update, the fake's included); "
                            + "load average (1 min) start %.2f, max %.2f, end %.2f", cpuNanos / 1e9,
                    cpuNanos / 1e6 / updates, load[0], load[1], load[2]));
            return out.toString();
        }

        private static double percentile(long[] sorted, double p) {
            return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
        }
    }

    /** The 1-minute load average from /proc/loadavg, read every second while a phase runs. */
    private static final class LoadSampler {
        private final double first = oneMinute();
        private volatile double max = first;
        private volatile boolean running = true;
        private Thread thread;

        static LoadSampler start() {
            LoadSampler sampler = new LoadSampler();
            sampler.thread = Thread.ofPlatform().daemon().name("loadavg").start(() -> {
                while (sampler.running) {
                    sampler.max = Math.max(sampler.max, oneMinute());
                    LockSupport.parkNanos(1_000_000_000L);
                }
            });
            return sampler;
        }

        double[] stop() {
            running = false;
            thread.interrupt();
            double last = oneMinute();
            return new double[] {first, Math.max(max, last), last};
        }

        private static double oneMinute() {
            String all = loadAverage();
            return all.isEmpty() ? Double.NaN : Double.parseDouble(all.split(" ")[0]);
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.out.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
