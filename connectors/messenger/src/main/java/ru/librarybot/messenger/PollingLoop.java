package ru.librarybot.messenger;

import java.time.Duration;

import org.springframework.context.SmartLifecycle;

/**
 * A platform's own loop asking for updates on a daemon thread while the application runs; after failures in a row
 * it pauses 1, 2, 4 … seconds, at most 30.
 */
public abstract class PollingLoop implements SmartLifecycle {

    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private final String threadName;
    private volatile boolean running;
    private volatile Thread poller;

    protected PollingLoop(String threadName) {
        this.threadName = threadName;
    }

    @Override
    public void start() {
        running = true;
        poller = Thread.ofPlatform().daemon().name(threadName).start(this::poll);
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = poller;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Sets where a run starts from; called on the poller thread before the run's first poll. */
    protected abstract void begin();

    /** Asks the platform for one batch of updates and stores each in the inbox. */
    protected abstract void pollOnce() throws Exception;

    /**
     * Readies the next poll after a failed one and says whether it counts as a failure, to be followed by
     * {@code pause}; one that only needs a new session may be retried at once.
     */
    protected abstract boolean recover(Exception failure, Duration pause);

    private void poll() {
        begin();
        int failures = 0;
        while (running) {
            try {
                pollOnce();
                failures = 0;
            } catch (Exception e) {
                Duration pause = pause(failures + 1);
                if (recover(e, pause)) {
                    failures++;
                    sleep(pause);
                }
            }
        }
    }

    private static Duration pause(int failures) {
        long seconds = 1L << Math.min(failures - 1, 5);
        return Duration.ofSeconds(Math.min(seconds, LONGEST_PAUSE.toSeconds()));
    }

    private void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
