package ru.librarybot.scheduling.reminders;

import ru.librarybot.testing.MemoryStore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import de.bwaldvogel.mongo.MongoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.librarybot.circulation.CardNumber;
import ru.librarybot.circulation.Chat;
import ru.librarybot.circulation.CirculationTestApplication;
import ru.librarybot.circulation.Loan;
import ru.librarybot.circulation.MutableClock;
import ru.librarybot.circulation.embedded.DemoPatrons;
import ru.librarybot.circulation.embedded.LoansImport;
import ru.librarybot.conversation.Channel;
import ru.librarybot.conversation.ConversationEngine;
import ru.librarybot.conversation.ReaderKeys;
import ru.librarybot.conversation.Reply;
import ru.librarybot.delivery.Outgoing;

@SpringBootTest(classes = CirculationTestApplication.class, properties = "spring.quartz.auto-startup=false")
@ActiveProfiles(CirculationTestApplication.PROFILE)
class DueDateRemindersTest {

    private static final ZonedDateTime MONDAY = CirculationTestApplication.START;
    private static MongoServer store;
    private static int tests;
    private String me;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        store = MemoryStore.serve(registry);
    }

    @AfterAll
    static void stopStore() {
        store.shutdownNow();
    }

    @Autowired
    ConversationEngine engine;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MutableClock clock;
    @Autowired
    LoansImport loansImport;
    @Autowired
    ReaderKeys readerKeys;
    @Autowired
    CirculationTestApplication.Sent sent;
    @Autowired
    ReminderRuns runs;
    @Autowired
    Reminders reminders;

    @BeforeEach
    void freshLibrary() {
        clock.set(MONDAY.toInstant());
        for (String collection : mongo.getCollectionNames()) {
            mongo.remove(new Query(), collection);
        }
        // delivery remembers for an hour which accounts it recorded: every test has readers of its own
        me = "reader-" + ++tests;
        sent.messages.clear();
        loansImport.replaceAll(DemoPatrons.dated(MONDAY.toLocalDate()));
    }

    @Test
    void theNextRunSendsTheDemoReaderOneDigestWithRenewAll() {
        link(Channel.TELEGRAM, me, "1000001", "1234");

        assertThat(runs.runIfDue()).get().extracting(Reminders.Report::queued).isEqualTo(1);

        Outgoing reminder = sent.messages.getFirst();
        assertThat(sent.messages).hasSize(1);
        assertThat(reminder.readerKey()).isEqualTo(readerKeys.of(Channel.TELEGRAM, me));
        assertThat(reminder.purpose()).isEqualTo("reminder");
        Reply.Text text = (Reply.Text) reminder.replies().getFirst();
        assertThat(text.text()).contains("по билету •••• 0001", "Срок сдачи прошёл:\n• «Преступление и наказание» — срок был 18 ноября",
                "Скоро срок сдачи:\n• «Мастер и Маргарита» — вернуть до 26 ноября")
                .doesNotContain("Тихий Дон", "Война и мир");
        assertThat(text.buttons()).extracting(b -> b.payload()).contains("RENEW:all");
    }

    @Test
    void aSecondRunOrASecondInstanceNeverSendsTheSameReminderAgain() throws Exception {
        link(Channel.TELEGRAM, me, "1000001", "1234");
        runs.runIfDue();
        assertThat(runs.runIfDue()).isEmpty();

        // an instance that does not know today's run is done still finds each reader reminded
        mongo.remove(Query.query(org.springframework.data.mongodb.core.query.Criteria.where("_id")
                .is(ReminderRuns.LAST_RUN_ID)), "settings");
        try (ExecutorService instances = Executors.newFixedThreadPool(2)) {
            Callable<Reminders.Report> run = () -> reminders.run(MONDAY.toLocalDate(), MONDAY.toLocalDate(), MONDAY.toInstant());
            instances.invokeAll(List.of(run, run));
        }

        assertThat(sent.messages).hasSize(1);
    }

    @Test
    void nothingIsSentAtNightAndTheRunWaitsForTheMorning() {
        clock.set(MONDAY.minusDays(1).withHour(12).toInstant());
        link(Channel.TELEGRAM, me, "1000001", "1234");
        runs.runIfDue();
        sent.messages.clear();
        clock.set(MONDAY.withHour(23).toInstant());

        assertThat(runs.runIfDue()).isEmpty();
        clock.set(MONDAY.plusDays(1).withHour(6).toInstant());
        assertThat(runs.runIfDue()).isEmpty();
        assertThat(sent.messages).isEmpty();

        clock.set(MONDAY.plusDays(1).withHour(10).withMinute(15).toInstant());
        assertThat(runs.runIfDue()).isPresent();
        assertThat(sent.messages).as("Monday's reminder, sent on Tuesday morning").hasSize(1);
    }

    @Test
    void daysMissedWhileTheBotWasDownAreCaughtUpInOneMessage() {
        LocalDate wednesday = MONDAY.toLocalDate().plusDays(2);
        loansImport.replaceAll(List.of(new LoansImport.Patron(new CardNumber("3000001"), "Сидорова", "1111", List.of(
                loan("A", "Книга, срок которой был в понедельник", MONDAY.toLocalDate()),
                loan("B", "Книга к пятнице", wednesday.plusDays(2)),
                loan("C", "Книга к субботе", wednesday.plusDays(3)),
                loan("D", "Книга через две недели", wednesday.plusDays(14))))));
        clock.set(MONDAY.minusDays(1).withHour(12).toInstant());
        link(Channel.VK, me, "3000001", "1111");
        runs.runIfDue();
        sent.messages.clear();

        clock.set(MONDAY.plusDays(2).withHour(11).toInstant());
        runs.runIfDue();

        assertThat(sent.messages).hasSize(1);
        String text = ((Reply.Text) sent.messages.getFirst().replies().getFirst()).text();
        assertThat(text).contains("«Книга, срок которой был в понедельник» — срок был 23 ноября", "«Книга к пятнице»",
                "«Книга к субботе»").doesNotContain("через две недели");
    }

    @Test
    void aReaderWhoLinksAfterTheDaysRunHearsOfEveryLoanDueSoonOrOverdueAtTheNextRun() {
        LocalDate tuesday = MONDAY.toLocalDate().plusDays(1);
        clock.set(MONDAY.plusDays(1).toInstant());
        assertThat(runs.runIfDue()).get().extracting(Reminders.Report::queued).isEqualTo(0);
        clock.advance(Duration.ofHours(1));
        link(Channel.TELEGRAM, me, "1000001", "1234");

        assertThat(runs.runIfDue()).as("today's run is done").isEmpty();
        assertThat(runs.runNow()).get().extracting(Reminders.Report::queued).isEqualTo(1);

        String text = ((Reply.Text) sent.messages.getFirst().replies().getFirst()).text();
        assertThat(text).contains("«Преступление и наказание» — срок был 18 ноября",
                "«Мастер и Маргарита» — вернуть до 26 ноября").doesNotContain("Тихий Дон");
        assertThat(reminders.run(tuesday.plusDays(1), tuesday.plusDays(1), clock.instant()).queued())
                .as("on Wednesday the reader is no longer new, and nothing falls due").isZero();
    }

    @Test
    void aRunAskedForAtNightWaitsForTheMorning() {
        link(Channel.TELEGRAM, me, "1000001", "1234");
        clock.set(MONDAY.withHour(22).toInstant());

        assertThat(runs.runNow()).isEmpty();
        assertThat(sent.messages).isEmpty();
    }

    @Test
    void theReadersChoicesDecideWhatIsReminded() {
        Chat chat = link(Channel.TELEGRAM, me, "1000001", "1234");
        chat.press("LINK_CARD:r-before");

        runs.runIfDue();
        assertThat(((Reply.Text) sent.messages.getFirst().replies().getFirst()).text())
                .contains("Преступление и наказание").doesNotContain("Мастер и Маргарита");

        chat.press("LINK_CARD:r-overdue");
        chat.press("LINK_CARD:r-due");
        sent.messages.clear();
        assertThat(reminders.run(MONDAY.toLocalDate().plusDays(7), MONDAY.toLocalDate().plusDays(7), MONDAY.toInstant()).queued()).isZero();
        assertThat(sent.messages).isEmpty();
    }

    @Test
    void theReminderGoesToTheChatTheReaderChoseAndFallsBackWhenItCannot() {
        link(Channel.TELEGRAM, me, "1000001", "1234");
        Chat web = link(Channel.WEBCHAT, me, "1000001", "1234");
        web.press("LINK_CARD:r-here");

        runs.runIfDue();

        // the test application has no web chat sender: delivery says the channel is off, Telegram gets it
        assertThat(sent.messages).singleElement().extracting(Outgoing::channel).isEqualTo(Channel.TELEGRAM);
    }

    @Test
    void aReaderNoChannelCanReachIsCountedAndNotRetried() {
        link(Channel.WEBCHAT, me, "1000001", "1234");

        assertThat(runs.runIfDue()).get().extracting(Reminders.Report::undelivered).isEqualTo(1);
        assertThat(reminders.run(MONDAY.toLocalDate(), MONDAY.toLocalDate(), MONDAY.toInstant()).alreadySent()).isEqualTo(1);
    }

    @Test
    void theOverdueDigestComesOnItsWeekdayOnly() {
        link(Channel.TELEGRAM, me, "1000001", "1234");
        LocalDate tuesday = MONDAY.toLocalDate().plusDays(1);
        assertThat(tuesday.getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);

        reminders.run(tuesday, tuesday, MONDAY.toInstant());

        assertThat(sent.messages).isEmpty();
    }

    @Test
    void theJobRunsUnderItsLock() throws Exception {
        link(Channel.TELEGRAM, me, "1000001", "1234");
        clock.advance(Duration.ofMinutes(5));

        new ReminderJob(new net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor(
                new net.javacrumbs.shedlock.provider.mongo.MongoLockProvider(mongo.getDb())), runs).execute(null);

        assertThat(sent.messages).hasSize(1);
        assertThat(runs.lastRun().date()).isEqualTo(MONDAY.toLocalDate());
    }

    private Chat link(Channel channel, String user, String card, String pin) {
        Chat chat = new Chat(engine, channel, user, clock);
        chat.press("LINK_CARD");
        chat.say(card);
        assertThat(Chat.text(chat.say(pin))).contains("привязан");
        return chat;
    }

    private static Loan loan(String item, String title, LocalDate due) {
        return new Loan(item, title, null, null, null, due, 0, false);
    }
}
