package ru.librarybot.scheduling;

import java.time.ZoneId;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Job locks live in the store's {@code shedLock} collection; the jobs and their schedules are declared here. */
@Configuration(proxyBeanMethods = false)
class SchedulingConfiguration {

    @Bean
    LockProvider jobLockProvider(MongoTemplate mongo) {
        return new MongoLockProvider(mongo.getDb());
    }

    @Bean
    LockingTaskExecutor jobLocks(LockProvider jobLockProvider) {
        return new DefaultLockingTaskExecutor(jobLockProvider);
    }

    @Bean
    JobDetail interactionLogPurgeJob() {
        return LockedJob.detail(InteractionLogPurgeJob.class, InteractionLogPurgeJob.LOCK);
    }

    @Bean
    Trigger interactionLogPurgeTrigger(JobDetail interactionLogPurgeJob,
                                       @Value("${librarybot.interaction-log.purge-cron:0 40 3 * * ?}") String cron,
                                       ZoneId libraryZone) {
        return LockedJob.cron(interactionLogPurgeJob, cron, libraryZone);
    }
}
