package ru.librarybot.scheduling;

import java.time.Duration;

import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ru.librarybot.analytics.InteractionLogRetention;

/** Nightly: deletes logged messages past the retention, since the store has no TTL indexes everywhere. */
class InteractionLogPurgeJob extends LockedJob {

    static final JobLock LOCK = new JobLock("interaction-log-purge", Duration.ofHours(1), Duration.ofMinutes(5));

    private static final Logger log = LoggerFactory.getLogger(InteractionLogPurgeJob.class);

    private final InteractionLogRetention retention;

    InteractionLogPurgeJob(LockingTaskExecutor locks, InteractionLogRetention retention) {
        super(locks, LOCK);
        this.retention = retention;
    }

    @Override
    protected void runLocked() {
        InteractionLogRetention.Purged purged = retention.purge();
        log.info("Interaction log purge: deleted {} messages past the retention and {} reader-day markers",
                purged.interactions(), purged.readerDays());
    }
}
