package ru.librarybot.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.librarybot.LibrarybotApplication;
import ru.librarybot.circulation.CardNumber;
import ru.librarybot.circulation.CardVault;
import ru.librarybot.circulation.Loan;
import ru.librarybot.circulation.embedded.LoansImport;
import ru.librarybot.conversation.Channel;
import ru.librarybot.delivery.ChannelSender;
import ru.librarybot.delivery.Outgoing;
import ru.librarybot.delivery.ReaderAccount;
import ru.librarybot.library.LibraryProfile;
import ru.librarybot.scheduling.reminders.Reminders;

/**
 * A due-date reminder run over the embedded circulation (H2 file store): loads {@code loans} loans of
 * {@code readers} readers, links every reader to a Telegram account, then times planning and queueing the
 * reminders of two ordinary days, of the weekly overdue digest day, and a repeated run that must queue nothing.
 * Sending itself is left to a sender that only counts: the platforms bound it, not the bot.
 *
 * <p>Arguments: {@code readers loans}.
 */
public final class ReminderRunBenchmark {

    private static final int DUE_SPREAD_DAYS = 70;
    private static final int OVERDUE_DAYS = 30;

    public static void main(String[] args) throws Exception {
        int readers = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
        int loans = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Path store = Files.createTempDirectory("librarybot-bench");
        // the demo library's zone: its today decides which weekday is the digest day
        LocalDate digestDay = LocalDate.now(java.time.ZoneId.of("Europe/Moscow"));

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LibrarybotApplication.class,
                CountingSender.class)
                // arguments, not default properties: application.yml would override those
                .run("--server.port=0", "--librarybot.embedded-store.backend=h2",
                        "--librarybot.embedded-store.path=" + store.resolve("bench.mv"),
                        "--librarybot.circulation.demo=false", "--spring.quartz.auto-startup=false",
                        "--librarybot.reminders.digest-day=" + digestDay.getDayOfWeek(),
                        "--logging.level.root=WARN", "--spring.main.banner-mode=off")) {
            MongoTemplate mongo = app.getBean(MongoTemplate.class);
            CardVault vault = app.getBean(CardVault.class);
            LocalDate today = LocalDate.now(app.getBean(Clock.class).withZone(app.getBean(LibraryProfile.class).zone()));
            CountingSender sent = app.getBean(CountingSender.class);
            Reminders reminders = app.getBean(Reminders.class);

            if (!today.equals(digestDay)) {
                throw new IllegalStateException("The library profile's zone is not Europe/Moscow: set the digest day");
            }
            List<LoansImport.Patron> patrons = patrons(readers, loans, today);
            long t0 = System.nanoTime();
            app.getBean(LoansImport.class).replaceAll(patrons);
            System.out.printf("loaded %d loans of %d readers into the embedded circulation in %.1f s%n", loans, readers,
                    seconds(t0));

            t0 = System.nanoTime();
            link(mongo, vault, patrons);
            System.out.printf("linked %d readers to Telegram accounts in %.1f s%n", readers, seconds(t0));

            run("ordinary day, first run after start", reminders, sent, today.plusDays(1), today.plusDays(1));
            run("another ordinary day", reminders, sent, today.plusDays(2), today.plusDays(2));
            run("overdue digest day", reminders, sent, today, today);
            run("digest day again (all sent before)", reminders, sent, today, today);
        } finally {
            try (var files = Files.walk(store)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void run(String what, Reminders reminders, CountingSender sent, LocalDate from, LocalDate today) {
        long before = sent.count.get();
        long t0 = System.nanoTime();
        // every reader linked before the previous run: none is new to reminders
        Reminders.Report report = reminders.run(from, today, Instant.now());
        double took = seconds(t0);
        System.out.printf("%s: %d readers with loans due, %d reminders queued (%d sent before) in %.2f s = %.0f readers/s;"
                        + " the sender got %d%n", what, report.readersWithLoansDue(), report.queued(),
                report.alreadySent(), took, report.readersWithLoansDue() / took, sent.count.get() - before);
    }

    /** Three or four loans a reader, due from a month ago to forty days ahead; one in twenty reserved. */
    private static List<LoansImport.Patron> patrons(int readers, int loans, LocalDate today) {
        Random random = new Random(42);
        List<List<Loan>> perReader = new ArrayList<>();
        for (int r = 0; r < readers; r++) {
            perReader.add(new ArrayList<>());
        }
        for (int l = 0; l < loans; l++) {
            LocalDate due = today.minusDays(OVERDUE_DAYS).plusDays(random.nextInt(DUE_SPREAD_DAYS));
            perReader.get(l % readers).add(new Loan("B" + (5_000_000 + l), "Книга № " + l, "Автор " + (l % 997),
                    "Центральная библиотека", due.minusDays(14), due, random.nextInt(3), random.nextInt(20) == 0));
        }
        List<LoansImport.Patron> patrons = new ArrayList<>(readers);
        for (int r = 0; r < readers; r++) {
            patrons.add(new LoansImport.Patron(card(r), "Читатель" + r, String.format("%04d", r % 10_000),
                    perReader.get(r)));
        }
        return patrons;
    }

    /** What linking in chat leaves behind, written in bulk: a reader, their card, their Telegram account. */
    private static void link(MongoTemplate mongo, CardVault vault, List<LoansImport.Patron> patrons) {
        Instant now = Instant.now();
        for (int from = 0; from < patrons.size(); from += 1_000) {
            List<Document> readers = new ArrayList<>();
            List<Document> cards = new ArrayList<>();
            List<Document> links = new ArrayList<>();
            List<ReaderAccount> accounts = new ArrayList<>();
            for (LoansImport.Patron patron : patrons.subList(from, Math.min(patrons.size(), from + 1_000))) {
                String id = "reader-" + patron.card().value();
                String readerKey = "telegram:bench" + patron.card().value();
                String cardKey = vault.lookupKey(patron.card());
                readers.add(new Document("_id", id).append("card", vault.encrypt(patron.card()))
                        .append("cardKey", cardKey).append("readerKeys", List.of(readerKey))
                        .append("remindVia", readerKey)
                        .append("reminders", new Document("beforeDue", true).append("dueDay", true).append("overdue", true))
                        .append("linkedAt", java.util.Date.from(now)));
                cards.add(new Document("_id", cardKey).append("reader", id));
                links.add(new Document("_id", readerKey).append("reader", id));
                accounts.add(new ReaderAccount(readerKey, Channel.TELEGRAM, "chat-" + patron.card().value(), now, null));
            }
            mongo.insert(readers, "readers");
            mongo.insert(cards, "reader_cards");
            mongo.insert(links, "card_links");
            mongo.insert(accounts, ReaderAccount.class);
        }
    }

    private static CardNumber card(int reader) {
        return new CardNumber(String.valueOf(7_000_000 + reader));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Telegram as far as the bot goes: the message is queued and counted, never sent. */
    static class CountingSender implements ChannelSender {
        final AtomicLong count = new AtomicLong();

        @Override
        public Channel channel() {
            return Channel.TELEGRAM;
        }

        @Override
        public void send(Outgoing message) {
            count.incrementAndGet();
        }
    }
}
