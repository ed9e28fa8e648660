package ru.librarybot.messenger;

import java.time.Duration;

/**
 * How long the outbox keeps trying one message.
 *
 * @param attempts tries after server errors and timeouts before the message is recorded as failed
 * @param firstPause the pause after the first such failure; it doubles after each, up to {@code longestPause}
 * @param slowDowns how many "too many requests" answers one message may meet before it is recorded as failed
 */
public record Retries(int attempts, Duration firstPause, Duration longestPause, int slowDowns) {

    /** About two minutes of server errors, or a long flood of "too many requests", before a message is given up. */
    public static Retries standard() {
        return new Retries(7, Duration.ofSeconds(1), Duration.ofSeconds(60), 50);
    }

    Duration pauseAfter(int failures) {
        long millis = firstPause.toMillis() << Math.min(failures - 1, 20);
        return Duration.ofMillis(Math.min(millis, longestPause.toMillis()));
    }
}
