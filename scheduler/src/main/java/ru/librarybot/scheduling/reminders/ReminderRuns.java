package ru.librarybot.scheduling.reminders;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Decides when the day's reminders go: once a day, outside quiet hours, and after a stop the days missed are
 * caught up in one run. The last completed day is kept in the store, so a restart or another instance knows it.
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

    /** Runs today's reminders if they are not done yet and it is not night in the library. */
    public Optional<Reminders.Report> runIfDue() {
        ZonedDateTime now = clock.instant().atZone(zone);
        if (!settings.enabled() || settings.quietAt(now.toLocalTime())) {
            return Optional.empty();
        }
        LocalDate today = now.toLocalDate();
        LocalDate last = lastCompleted();
        if (last != null && !last.isBefore(today)) {
            return Optional.empty();
        }
        LocalDate earliest = today.minusDays(MAX_CATCH_UP_DAYS - 1);
        LocalDate from = last == null || last.plusDays(1).isBefore(earliest) ? (last == null ? today : earliest)
                : last.plusDays(1);
        Reminders.Report report = reminders.run(from, today);
        mongo.upsert(Query.query(Criteria.where("_id").is(LAST_RUN_ID)), new Update().set("date", today.toString())
                .set("report", report.toString()), "settings");
        return Optional.of(report);
    }

    LocalDate lastCompleted() {
        Document last = mongo.findById(LAST_RUN_ID, Document.class, "settings");
        return last == null ? null : LocalDate.parse(last.getString("date"));
    }
}
