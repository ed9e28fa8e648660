package ru.librarybot.scheduling.reminders;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
     * the bot was down: a loan that fell due on a missed day is reminded of as overdue. A reader who linked their
     * card after {@code linkedSince} (the previous run) missed the reminders before: they hear of every overdue
     * loan and every loan due within the days-before at once.
     */
    public Report run(LocalDate from, LocalDate today, Instant linkedSince) {
        Window window = new Window(from, today, settings.daysBefore(), settings.digestDay());
        Batch batch = new Batch(today, linkedSince);
        int readers = dueLoans.forEach(window.days(), window.digest() ? today : null, linkedSince,
                readerLoans -> batch.plan(readerLoans, window));
        batch.send();
        Report report = new Report(readers, batch.queued, batch.alreadySent, batch.nothingToSay, batch.undelivered);
        log.info("Due-date reminders for {}: {} readers with loans due, {} reminders queued, {} sent before, "
                + "{} undeliverable", today, readers, report.queued(), report.alreadySent(), report.undelivered());
        return report;
    }

    /** Reminders recorded as sent a batch at a time, then handed to delivery. */
    private final class Batch {
        private static final int SIZE = 500;
        private final LocalDate today;
        private final Instant linkedSince;
        private final List<Planned> planned = new ArrayList<>(SIZE);
        int queued;
        int alreadySent;
        int nothingToSay;
        int undelivered;

        Batch(LocalDate today, Instant linkedSince) {
            this.today = today;
            this.linkedSince = linkedSince;
        }

        void plan(DueLoans.ReaderLoans readerLoans, Window window) {
            Reader reader = readerLoans.reader();
            boolean newlyLinked = reader.linkedAt() != null && reader.linkedAt().isAfter(linkedSince);
            Concerned concerned = window.concerned(readerLoans.loans(), reader.reminders(), newlyLinked);
            if (concerned.isEmpty()) {
                nothingToSay++;
                return;
            }
            String id = readerLoans.reader().id() + "|" + today + "|" + KIND;
            planned.add(new Planned(id, readerLoans.reader(), List.of(compose(readerLoans.maskedCard(), concerned)),
                    concerned.size()));
            if (planned.size() == SIZE) {
                send();
            }
        }

        void send() {
            if (planned.isEmpty()) {
                return;
            }
            Set<Integer> sentBefore = record();
            List<String> unreached = new ArrayList<>();
            for (int i = 0; i < planned.size(); i++) {
                if (sentBefore.contains(i)) {
                    alreadySent++;
                } else if (deliver(planned.get(i))) {
                    queued++;
                } else {
                    undelivered++;
                    unreached.add(planned.get(i).id());
                }
            }
            if (!unreached.isEmpty()) {
                mongo.updateMulti(Query.query(Criteria.where("_id").in(unreached)), new Update().set("undelivered", true),
                        SENT);
            }
            planned.clear();
        }

        /** Records the batch as sent before sending it; returns the positions recorded by an earlier run. */
        private Set<Integer> record() {
            Date at = Date.from(clock.instant());
            List<Document> documents = planned.stream().map(reminder -> new Document("_id", reminder.id())
                    .append("at", at).append("loans", reminder.loans())).toList();
            try {
                mongo.getCollection(SENT).insertMany(documents, new InsertManyOptions().ordered(false));
                return Set.of();
            } catch (MongoBulkWriteException e) {
                Set<Integer> duplicates = new HashSet<>();
                for (BulkWriteError error : e.getWriteErrors()) {
                    if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    duplicates.add(error.getIndex());
                }
                return duplicates;
            }
        }

        private boolean deliver(Planned reminder) {
            for (String account : reminder.reader().reminderAccounts()) {
                if (delivery.toReader(reminder.id(), account, reminder.message(), "reminder") == Delivery.Result.QUEUED) {
                    return true;
                }
            }
            return false;
        }
    }

    private record Planned(String id, Reader reader, List<Reply> message, int loans) {
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

        /** @param newlyLinked the reader linked their card after the previous run and missed its reminders */
        Concerned concerned(List<Loan> loans, ReminderChoices choices, boolean newlyLinked) {
            List<Loan> soon = new ArrayList<>();
            List<Loan> dueToday = new ArrayList<>();
            List<Loan> overdue = new ArrayList<>();
            boolean digest = digest() || newlyLinked;
            LocalDate soonFrom = newlyLinked ? today.plusDays(1) : from.plusDays(daysBefore);
            for (Loan loan : loans.stream().sorted(Loan.MOST_URGENT_FIRST).toList()) {
                LocalDate due = loan.due();
                if (due == null) {
                    continue;
                }
                if (due.isAfter(today)) {
                    if (choices.beforeDue() && !due.isBefore(soonFrom)
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

}
