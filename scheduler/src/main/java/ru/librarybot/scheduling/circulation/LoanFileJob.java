package ru.librarybot.scheduling.circulation;

import java.time.Duration;

import net.javacrumbs.shedlock.core.LockingTaskExecutor;

import ru.librarybot.circulation.LoanFile;
import ru.librarybot.scheduling.JobLock;
import ru.librarybot.scheduling.LockedJob;

/** Loads the library's export of loans into the embedded circulation whenever the file changed. */
class LoanFileJob extends LockedJob {

    static final JobLock LOCK = new JobLock("circulation-file-import", Duration.ofMinutes(30), Duration.ofSeconds(10));

    private final LoanFile loanFile;

    LoanFileJob(LockingTaskExecutor locks, LoanFile loanFile) {
        super(locks, LOCK);
        this.loanFile = loanFile;
    }

    @Override
    protected void runLocked() {
        loanFile.importIfChanged();
    }
}
