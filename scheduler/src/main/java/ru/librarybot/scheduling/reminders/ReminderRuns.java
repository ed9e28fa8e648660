package ru.librarybot.scheduling.reminders;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Decides when the day's reminders go: once a day, outside quiet hours, and after a stop the days missed are
 * caught up in one run. The last run is kept in the store, so a restart or another instance knows it.
 */
public class ReminderRuns {

    static final String LAST_RUN_ID = "reminders-last-run";
    /** Older missed days are not worth a message any more. */
    static final int MAX_CATCH_UP_DAYS = 7;

    private final Reminders reminders;
    private final ReminderSettings settings;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final ZoneId zone;

    ReminderRuns(Reminders reminders, ReminderSettings settings, MongoTemplate mongo, Clock clock, ZoneId zone) {
        this.reminders = reminders;
        this.settings = settings;
        this.mongo = mongo;
        this.clock = clock;
        this.zone = zone;
    }

    /** The previous run: its day and when it started; readers who linked later have not been reminded yet. */
    record LastRun(LocalDate date, Instant at) {
        static final LastRun NEVER = new LastRun(null, Instant.EPOCH);
    }

    /** Runs today's reminders if they are not done yet and it is not night in the library. */
    public Optional<Reminders.Report> runIfDue() {
        ZonedDateTime now = clock.instant().atZone(zone);
        LastRun last = lastRun();
        if (!settings.enabled() || settings.quietAt(now.toLocalTime())
                || last.date() != null && !last.date().isBefore(now.toLocalDate())) {
            return Optional.empty();
        }
        return Optional.of(run(now, last));
    }

    /**
     * Runs today's reminders now, even if today's run is done: readers reminded today are not reminded again,
     * readers who linked their card since get theirs. Nothing is sent in quiet hours.
     */
    public Optional<Reminders.Report> runNow() {
        ZonedDateTime now = clock.instant().atZone(zone);
        if (settings.quietAt(now.toLocalTime())) {
            return Optional.empty();
        }
        return Optional.of(run(now, lastRun()));
    }

    LastRun lastRun() {
        Document last = mongo.findById(LAST_RUN_ID, Document.class, "settings");
        if (last == null) {
            return LastRun.NEVER;
        }
        Date at = last.getDate("at");
        return new LastRun(LocalDate.parse(last.getString("date")), at == null ? Instant.EPOCH : at.toInstant());
    }

    private Reminders.Report run(ZonedDateTime now, LastRun last) {
        LocalDate today = now.toLocalDate();
        LocalDate earliest = today.minusDays(MAX_CATCH_UP_DAYS - 1);
        LocalDate from = last.date() == null || !last.date().isBefore(today) ? today
                : last.date().plusDays(1).isBefore(earliest) ? earliest : last.date().plusDays(1);
        Instant started = now.toInstant();
        Reminders.Report report = reminders.run(from, today, last.at());
        mongo.upsert(Query.query(Criteria.where("_id").is(LAST_RUN_ID)), new Update().set("date", today.toString())
                .set("at", Date.from(started)).set("report", report.toString()), "settings");
        return report;
    }
}
