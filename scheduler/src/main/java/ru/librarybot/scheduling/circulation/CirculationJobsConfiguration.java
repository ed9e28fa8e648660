package ru.librarybot.scheduling.circulation;

import java.util.Date;

import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ru.librarybot.library.LibraryProfile;
import ru.librarybot.scheduling.LockedJob;

/** The export file is looked at every quarter of an hour and at start; forgotten readers are swept every two minutes. */
@Configuration(proxyBeanMethods = false)
class CirculationJobsConfiguration {

    @Bean
    JobDetail loanFileJob() {
        return LockedJob.detail(LoanFileJob.class, LoanFileJob.LOCK);
    }

    @Bean
    Trigger loanFileTrigger(JobDetail loanFileJob, LibraryProfile library,
                            @Value("${librarybot.circulation.import-cron:0 */15 * * * ?}") String cron) {
        return LockedJob.cron(loanFileJob, cron, library.zone());
    }

    @Bean
    Trigger loanFileAtStartTrigger(JobDetail loanFileJob) {
        return TriggerBuilder.newTrigger().forJob(loanFileJob).withIdentity(loanFileJob.getKey().getName() + "-at-start")
                .startAt(new Date(System.currentTimeMillis() + 5_000))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withRepeatCount(0)).build();
    }

    @Bean
    JobDetail forgettingSweepJob() {
        return LockedJob.detail(ForgettingSweepJob.class, ForgettingSweepJob.LOCK);
    }

    @Bean
    Trigger forgettingSweepTrigger(JobDetail forgettingSweepJob, LibraryProfile library) {
        return LockedJob.cron(forgettingSweepJob, "30 */2 * * * ?", library.zone());
    }
}
