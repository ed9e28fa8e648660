package ru.librarybot.analytics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the interaction log keeps messages, and how many handled messages may wait for the store.
 *
 * @param queueCapacity beyond it a message is dropped from the log (and counted) rather than slowing a reply
 * @param shutdownWait how long shutdown waits for the queue to reach the store
 */
@ConfigurationProperties("librarybot.interaction-log")
record InteractionLogSettings(@DefaultValue("365d") Duration retention,
                              @DefaultValue("10000") int queueCapacity,
                              @DefaultValue("10s") Duration shutdownWait) {

    InteractionLogSettings {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException(
                    "librarybot.interaction-log.retention (LIBRARYBOT_LOG_RETENTION) must be positive, e.g. 365d, not "
                            + retention);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException(
                    "librarybot.interaction-log.queue-capacity must be at least 1, not " + queueCapacity);
        }
    }
}
