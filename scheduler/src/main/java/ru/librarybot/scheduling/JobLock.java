package ru.librarybot.scheduling;

import java.time.Duration;

import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;

/**
 * The lock a scheduled job runs under, shared by every instance of the bot through the store.
 *
 * @param atMostFor when an instance dies holding the lock, the others may run the job again after this
 * @param atLeastFor held this long even after a quick run, so an instance whose clock lags does not run it twice
 */
public record JobLock(String name, Duration atMostFor, Duration atLeastFor) {

    public JobLock {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A job lock needs a name");
        }
        if (atLeastFor.compareTo(atMostFor) > 0) {
            throw new IllegalArgumentException("The lock " + name + " cannot be held at least " + atLeastFor
                    + " but at most " + atMostFor);
        }
    }

    LockConfiguration configuration() {
        return new LockConfiguration(ClockProvider.now(), name, atMostFor, atLeastFor);
    }
}
