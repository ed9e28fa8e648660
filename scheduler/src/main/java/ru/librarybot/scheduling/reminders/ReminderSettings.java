package ru.librarybot.scheduling.reminders;

import java.time.DayOfWeek;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When due-date reminders go out ({@code librarybot.reminders.*}), in the library's time zone.
 *
 * @param daysBefore how many days before the due date the first reminder comes
 * @param digestDay the day of the week overdue books are listed
 * @param quietFrom no reminder is sent from this time of the evening…
 * @param quietUntil …until this time of the morning; a run that falls in between waits for the morning
 * @param checkCron how often the bot looks whether today's reminders are still to be sent (Quartz cron)
 */
@ConfigurationProperties("librarybot.reminders")
public record ReminderSettings(@DefaultValue("true") boolean enabled, @DefaultValue("3") int daysBefore,
                               @DefaultValue("MONDAY") DayOfWeek digestDay,
                               @DefaultValue("21:00") LocalTime quietFrom, @DefaultValue("10:00") LocalTime quietUntil,
                               @DefaultValue("0 */15 * * * ?") String checkCron) {

    public ReminderSettings {
        if (daysBefore < 1 || daysBefore > 14) {
            throw new IllegalArgumentException("librarybot.reminders.days-before must be 1 to 14, not " + daysBefore);
        }
        if (quietFrom.equals(quietUntil)) {
            throw new IllegalArgumentException("librarybot.reminders.quiet-from and quiet-until cannot be the same time");
        }
    }

    /** Whether a message sent at this local time would come at night. */
    public boolean quietAt(LocalTime time) {
        return quietFrom.isAfter(quietUntil)
                ? !time.isBefore(quietFrom) || time.isBefore(quietUntil)
                : !time.isBefore(quietFrom) && time.isBefore(quietUntil);
    }
}
