package ru.librarybot.scheduling.reminders;

import java.time.Clock;
import java.util.Date;

import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.librarybot.circulation.DueLoans;
import ru.librarybot.conversation.Texts;
import ru.librarybot.delivery.Delivery;
import ru.librarybot.library.LibraryProfile;
import ru.librarybot.scheduling.LockedJob;

/** Due-date reminders: checked every quarter of an hour, and half a minute after start to catch up missed days. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReminderSettings.class)
class RemindersConfiguration {

    @Bean
    Reminders reminders(DueLoans dueLoans, Delivery delivery, MongoTemplate mongo, Texts texts,
                        ReminderSettings settings, Clock clock) {
        return new Reminders(dueLoans, delivery, mongo, texts, settings, clock);
    }

    @Bean
    ReminderRuns reminderRuns(Reminders reminders, ReminderSettings settings, MongoTemplate mongo, Clock clock,
                              LibraryProfile library) {
        return new ReminderRuns(reminders, settings, mongo, clock, library.zone());
    }

    @Bean
    JobDetail reminderJob() {
        return LockedJob.detail(ReminderJob.class, ReminderJob.LOCK);
    }

    @Bean
    Trigger reminderTrigger(JobDetail reminderJob, ReminderSettings settings, LibraryProfile library) {
        return LockedJob.cron(reminderJob, settings.checkCron(), library.zone());
    }

    @Bean
    Trigger reminderCatchUpTrigger(JobDetail reminderJob) {
        return TriggerBuilder.newTrigger().forJob(reminderJob).withIdentity(reminderJob.getKey().getName() + "-at-start")
                .startAt(new Date(System.currentTimeMillis() + 30_000))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withRepeatCount(0)).build();
    }
}
