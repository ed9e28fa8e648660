package ru.librarybot.messenger;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one after another per lane (a chat) and lanes side by side, each on a virtual thread while it has
 * work: what one reader sends or is sent keeps its order, and a slow chat holds up no other. A task may ask to be
 * run again after a pause; its lane waits for it without holding a thread.
 */
final class Lanes {

    private static final Logger log = LoggerFactory.getLogger(Lanes.class);

    private final String name;
    private final Map<String, Deque<Supplier<Optional<Duration>>>> queues = new HashMap<>();
    // starts its one (virtual) thread only when a first task asks for a pause
    private final ScheduledExecutorService later;

    Lanes(String name) {
        this.name = name;
        this.later = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name(name + "-later").factory());
    }

    void submit(String lane, Runnable task) {
        submitUntilDone(lane, () -> {
            task.run();
            return Optional.empty();
        });
    }

    /**
     * Queues a task that is run again after the pause it returns, until it returns none; nothing queued behind it
     * in its lane runs meanwhile.
     */
    void submitUntilDone(String lane, Supplier<Optional<Duration>> task) {
        synchronized (queues) {
            Deque<Supplier<Optional<Duration>>> queue = queues.get(lane);
            if (queue != null) {
                queue.add(task);
                return;
            }
            queue = new ArrayDeque<>();
            queue.add(task);
            queues.put(lane, queue);
        }
        start(lane);
    }

    /** Whether no lane has work left, waiting ones included: what tests and a graceful stop wait for. */
    boolean idle() {
        synchronized (queues) {
            return queues.isEmpty();
        }
    }

    /** Drops the pauses still running: their lanes stay held, so what waits in them is left for the next start. */
    void close() {
        later.shutdownNow();
    }

    private void start(String lane) {
        Thread.ofVirtual().name(name).start(() -> drain(lane));
    }

    private void drain(String lane) {
        while (true) {
            Supplier<Optional<Duration>> task;
            synchronized (queues) {
                Deque<Supplier<Optional<Duration>>> queue = queues.get(lane);
                task = queue.peek();
                if (task == null) {
                    queues.remove(lane);
                    return;
                }
            }
            Optional<Duration> pause = Optional.empty();
            try {
                pause = task.get();
            } catch (RuntimeException e) {
                log.error("A {} task failed", name, e);
            } finally {
                if (pause.isEmpty()) {
                    synchronized (queues) {
                        queues.get(lane).poll();
                    }
                }
            }
            if (pause.isPresent()) {
                try {
                    later.schedule(() -> start(lane), pause.get().toNanos(), TimeUnit.NANOSECONDS);
                } catch (RejectedExecutionException e) {
                    log.debug("A {} lane is left waiting: the lanes are closed", name);
                }
                return;
            }
        }
    }
}
