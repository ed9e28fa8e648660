package ru.librarybot.analytics;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;

import ru.librarybot.conversation.ErrorSummary;
import ru.librarybot.conversation.MessageHandled;
import ru.librarybot.delivery.LibraryMessageSent;

/**
 * Records every handled reader message and the bot's replies. The reply's thread only puts the exchange in a
 * bounded queue; a background writer takes it to the store in batches. When the queue is full the exchange is
 * dropped and counted: the log never slows or fails a reply.
 */
public class InteractionLog implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InteractionLog.class);
    private static final int BATCH_SIZE = 500;
    private static final long POLL_MILLIS = 200;
    /** A busy bot's exchanges are gathered a moment, so a batch costs one counter upsert per intent, not per message. */
    private static final long GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final BlockingQueue<Exchange> queue;
    private final InteractionWriter writer;
    private final ZoneId zone;
    private final Duration shutdownWait;
    private final Counter dropped;
    private volatile boolean running;
    private volatile int writing;
    private Thread writerThread;

    InteractionLog(InteractionWriter writer, ZoneId zone, int capacity, Duration shutdownWait, MeterRegistry meters) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = writer;
        this.zone = zone;
        this.shutdownWait = shutdownWait;
        this.dropped = Counter.builder("librarybot.log.dropped")
                .description("Handled reader messages left out of the log because its queue was full")
                .register(meters);
        Gauge.builder("librarybot.log.queue.size", queue, BlockingQueue::size)
                .description("Handled reader messages waiting for the store")
                .register(meters);
    }

    @EventListener
    public void onMessageHandled(MessageHandled handled) {
        try {
            if (!queue.offer(Exchange.of(handled, zone))) {
                dropped.increment();
            }
        } catch (RuntimeException e) {
            dropped.increment();
            log.warn("Left a {} message out of the interaction log ({})", handled.channel(),
                    ErrorSummary.of(e));
        }
    }

    /** A reminder or a notice the library sent counts as the bot's outbound message too. */
    @EventListener
    public void onLibraryMessageSent(LibraryMessageSent sent) {
        try {
            if (!queue.offer(Exchange.of(sent, zone))) {
                dropped.increment();
            }
        } catch (RuntimeException e) {
            dropped.increment();
            log.warn("Left a {} library message out of the interaction log ({})", sent.channel(),
                    ErrorSummary.of(e));
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        writerThread = Thread.ofPlatform().name("interaction-log-writer").daemon().start(this::drain);
    }

    /** Lets the writer take what is queued to the store, waiting no longer than the configured bound. */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        try {
            writerThread.join(shutdownWait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writerThread.isAlive()) {
            log.warn("Shutting down with {} reader messages not yet in the interaction log: the store is too slow",
                    writing + queue.size());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the channels stop taking messages, and before the store's client closes. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 4096;
    }

    private void gather(List<Exchange> batch) throws InterruptedException {
        long deadline = System.nanoTime() + GATHER_NANOS;
        queue.drainTo(batch, BATCH_SIZE - batch.size());
        while (batch.size() < BATCH_SIZE && running) {
            Exchange next = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
            queue.drainTo(batch, BATCH_SIZE - batch.size());
        }
    }

    private void drain() {
        List<Exchange> batch = new ArrayList<>(BATCH_SIZE);
        while (running || !queue.isEmpty()) {
            try {
                Exchange first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                gather(batch);
                writing = batch.size();
                writer.write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("The interaction log writer failed ({}); it goes on with the next messages",
                        ErrorSummary.of(e));
            } finally {
                writing = 0;
                batch.clear();
            }
        }
    }
}
