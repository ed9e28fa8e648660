package ru.librarybot.scheduling.reminders;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import ru.librarybot.circulation.DueDates;
import ru.librarybot.circulation.DueLoans;
import ru.librarybot.circulation.Loan;
import ru.librarybot.circulation.Reader;
import ru.librarybot.circulation.ReminderChoices;
import ru.librarybot.conversation.Button;
import ru.librarybot.conversation.Intent;
import ru.librarybot.conversation.Reply;
import ru.librarybot.conversation.Texts;
import ru.librarybot.delivery.Delivery;

/**
 * Plans one day's due-date reminders and hands them to delivery: one message per reader per day listing every
 * loan concerned (due soon, due today, overdue), with "renew all". A reminder is recorded in
 * {@code reminders_sent} under reader|day|kind before it is sent, so a second run or a second instance never
 * sends it again.
 */
public class Reminders {

    static final String SENT = "reminders_sent";
    static final String KIND = "loans";
    private static final Logger log = LoggerFactory.getLogger(Reminders.class);

    private final DueLoans dueLoans;
    private final Delivery delivery;
    private final MongoTemplate mongo;
    private final Texts texts;
    private final ReminderSettings settings;
    private final Clock clock;

    Reminders(DueLoans dueLoans, Delivery delivery, MongoTemplate mongo, Texts texts, ReminderSettings settings,
              Clock clock) {
        this.dueLoans = dueLoans;
        this.delivery = delivery;
        this.mongo = mongo;
        this.texts = texts;
        this.settings = settings;
        this.clock = clock;
    }

    /** What one run did. */
    public record Report(int readersWithLoansDue, int queued, int alreadySent, int nothingToSay, int undelivered) {
    }

    /**
     * Sends the reminders of {@code today}, covering also the days from {@code from} on that were missed while
     * the bot was down: a loan that fell due on a missed day is reminded of as overdue.
     */
    public Report run(LocalDate from, LocalDate today) {
        Window window = new Window(from, today, settings.daysBefore(), settings.digestDay());
        Counts counts = new Counts();
        int readers = dueLoans.forEach(window.days(), window.digest() ? today : null,
                readerLoans -> remind(readerLoans, window, counts));
        Report report = new Report(readers, counts.queued, counts.alreadySent, counts.nothingToSay, counts.undelivered);
        log.info("Due-date reminders for {}: {} readers with loans due, {} reminders queued, {} sent before, "
                + "{} undeliverable", today, readers, report.queued(), report.alreadySent(), report.undelivered());
        return report;
    }

    private void remind(DueLoans.ReaderLoans readerLoans, Window window, Counts counts) {
        Reader reader = readerLoans.reader();
        Concerned concerned = window.concerned(readerLoans.loans(), reader.reminders());
        if (concerned.isEmpty()) {
            counts.nothingToSay++;
            return;
        }
        String id = reader.id() + "|" + window.today() + "|" + KIND;
        try {
            mongo.insert(new Document("_id", id).append("at", Date.from(clock.instant()))
                    .append("loans", concerned.size()), SENT);
        } catch (DuplicateKeyException sentBefore) {
            counts.alreadySent++;
            return;
        }
        List<Reply> message = List.of(compose(readerLoans.maskedCard(), concerned));
        for (String account : reader.reminderAccounts()) {
            Delivery.Result result = delivery.toReader(id, account, message, "reminder");
            if (result == Delivery.Result.QUEUED) {
                counts.queued++;
                return;
            }
        }
        counts.undelivered++;
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("undelivered", true), SENT);
    }

    private Reply compose(String maskedCard, Concerned concerned) {
        StringBuilder text = new StringBuilder(texts.get("reminder.intro", maskedCard));
        section(text, "reminder.overdue", "reminder.line.overdue", concerned.overdue());
        section(text, "reminder.today", "reminder.line.today", concerned.dueToday());
        section(text, "reminder.soon", "reminder.line.soon", concerned.soon());
        text.append("\n\n").append(texts.get("reminder.outro"));
        return new Reply.Text(text.toString(), List.of(
                Button.of(texts.get("button.renewAll"), Intent.RENEW, "all"),
                Button.of(texts.get("button.loans"), Intent.LOANS),
                Button.of(texts.get("button.reminders"), Intent.LINK_CARD, "reminders")));
    }

    private void section(StringBuilder text, String heading, String line, List<Loan> loans) {
        if (loans.isEmpty()) {
            return;
        }
        text.append("\n\n").append(texts.get(heading));
        for (Loan loan : loans) {
            text.append('\n').append(texts.get(line, loan.title(), DueDates.format(loan.due())));
        }
    }

    /** The days one run covers. */
    record Window(LocalDate from, LocalDate today, int daysBefore, java.time.DayOfWeek digestDay) {

        /** Due dates with something to remind of: today and missed days, and the days "soon" points at. */
        Set<LocalDate> days() {
            Set<LocalDate> days = new HashSet<>();
            for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
                days.add(day);
                days.add(day.plusDays(daysBefore));
            }
            return days;
        }

        /** Whether the weekly overdue digest falls in this run. */
        boolean digest() {
            for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
                if (day.getDayOfWeek() == digestDay) {
                    return true;
                }
            }
            return false;
        }

        Concerned concerned(List<Loan> loans, ReminderChoices choices) {
            List<Loan> soon = new ArrayList<>();
            List<Loan> dueToday = new ArrayList<>();
            List<Loan> overdue = new ArrayList<>();
            boolean digest = digest();
            for (Loan loan : loans.stream().sorted(Loan.MOST_URGENT_FIRST).toList()) {
                LocalDate due = loan.due();
                if (due == null) {
                    continue;
                }
                if (due.isAfter(today)) {
                    if (choices.beforeDue() && !due.isBefore(from.plusDays(daysBefore))
                            && !due.isAfter(today.plusDays(daysBefore))) {
                        soon.add(loan);
                    }
                } else if (due.equals(today)) {
                    if (choices.dueDay()) {
                        dueToday.add(loan);
                    }
                } else if (choices.overdue() && digest || choices.dueDay() && !due.isBefore(from)) {
                    overdue.add(loan);
                }
            }
            return new Concerned(soon, dueToday, overdue);
        }
    }

    record Concerned(List<Loan> soon, List<Loan> dueToday, List<Loan> overdue) {
        boolean isEmpty() {
            return soon.isEmpty() && dueToday.isEmpty() && overdue.isEmpty();
        }

        int size() {
            return soon.size() + dueToday.size() + overdue.size();
        }
    }

    private static final class Counts {
        int queued;
        int alreadySent;
        int nothingToSay;
        int undelivered;
    }
}
