package ru.librarybot.scheduling;

import java.time.ZoneId;
import java.util.TimeZone;

import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Quartz job that does its work only while this instance holds the job's {@link JobLock}: every instance
 * fires the trigger, one runs the job. A job extends this, takes its collaborators in its constructor (Spring
 * builds each run's instance) and is scheduled with {@link #detail} and {@link #cron} beans.
 */
@DisallowConcurrentExecution
public abstract class LockedJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(LockedJob.class);

    private final LockingTaskExecutor locks;
    private final JobLock lock;

    protected LockedJob(LockingTaskExecutor locks, JobLock lock) {
        this.locks = locks;
        this.lock = lock;
    }

    /** The job's work; runs only under the lock. */
    protected abstract void runLocked() throws Exception;

    @Override
    public final void execute(JobExecutionContext context) throws JobExecutionException {
        LockingTaskExecutor.TaskResult<Void> result;
        try {
            result = locks.executeWithLock(() -> {
                runLocked();
                return null;
            }, lock.configuration());
        } catch (Error e) {
            throw e;
        } catch (Throwable e) {
            throw new JobExecutionException("The scheduled job " + lock.name() + " failed", e, false);
        }
        if (!result.wasExecuted()) {
            log.debug("Skipped the scheduled job {}: another instance of the bot holds its lock", lock.name());
        }
    }

    /** The job's Quartz definition, named like its lock. */
    public static JobDetail detail(Class<? extends LockedJob> job, JobLock lock) {
        return JobBuilder.newJob(job).withIdentity(lock.name()).storeDurably().build();
    }

    /** Fires the job by a Quartz cron expression (seconds first) in the library's time zone. */
    public static Trigger cron(JobDetail job, String expression, ZoneId zone) {
        return TriggerBuilder.newTrigger()
                .forJob(job)
                .withIdentity(job.getKey().getName())
                .withSchedule(CronScheduleBuilder.cronSchedule(expression).inTimeZone(TimeZone.getTimeZone(zone)))
                .build();
    }
}
