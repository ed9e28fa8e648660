package ru.librarybot.scheduling.reminders;

import java.time.Duration;

import net.javacrumbs.shedlock.core.LockingTaskExecutor;

import ru.librarybot.scheduling.JobLock;
import ru.librarybot.scheduling.LockedJob;

/** Every quarter of an hour, and soon after start: sends today's due-date reminders if they are still due. */
class ReminderJob extends LockedJob {

    static final JobLock LOCK = new JobLock("due-date-reminders", Duration.ofHours(2), Duration.ofSeconds(30));

    private final ReminderRuns runs;

    ReminderJob(LockingTaskExecutor locks, ReminderRuns runs) {
        super(locks, LOCK);
        this.runs = runs;
    }

    @Override
    protected void runLocked() {
        runs.runIfDue();
    }
}
