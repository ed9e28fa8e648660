package ru.librarybot.messenger;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one after another per lane (a chat) and lanes side by side, each on a virtual thread while it has
 * work: what one reader sends or is sent keeps its order, and a slow chat holds up no other.
 */
final class Lanes {

    private static final Logger log = LoggerFactory.getLogger(Lanes.class);

    private final String name;
    private final Map<String, Deque<Runnable>> queues = new HashMap<>();

    Lanes(String name) {
        this.name = name;
    }

    void submit(String lane, Runnable task) {
        synchronized (queues) {
            Deque<Runnable> queue = queues.get(lane);
            if (queue != null) {
                queue.add(task);
                return;
            }
            queue = new ArrayDeque<>();
            queue.add(task);
            queues.put(lane, queue);
        }
        Thread.ofVirtual().name(name).start(() -> drain(lane));
    }

    /** Whether no lane has work left: what tests and a graceful stop wait for. */
    boolean idle() {
        synchronized (queues) {
            return queues.isEmpty();
        }
    }

    private void drain(String lane) {
        while (true) {
            Runnable task;
            synchronized (queues) {
                Deque<Runnable> queue = queues.get(lane);
                task = queue.peek();
                if (task == null) {
                    queues.remove(lane);
                    return;
                }
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("A {} task failed", name, e);
            } finally {
                synchronized (queues) {
                    queues.get(lane).poll();
                }
            }
        }
    }
}
