package ru.librarybot.scheduling.circulation;

import java.time.Duration;

import net.javacrumbs.shedlock.core.LockingTaskExecutor;

import ru.librarybot.circulation.Forgetting;
import ru.librarybot.scheduling.JobLock;
import ru.librarybot.scheduling.LockedJob;

/**
 * Sweeps again after readers who asked to be forgotten (what the interaction log wrote late), and drops card
 * linkings left unfinished with the card numbers typed into them.
 */
class ForgettingSweepJob extends LockedJob {

    static final JobLock LOCK = new JobLock("forgetting-sweep", Duration.ofMinutes(10), Duration.ofSeconds(10));

    private final Forgetting forgetting;

    ForgettingSweepJob(LockingTaskExecutor locks, Forgetting forgetting) {
        super(locks, LOCK);
        this.forgetting = forgetting;
    }

    @Override
    protected void runLocked() {
        forgetting.sweep();
    }
}
