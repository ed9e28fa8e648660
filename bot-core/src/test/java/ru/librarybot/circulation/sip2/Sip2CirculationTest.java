package ru.librarybot.circulation.sip2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ru.librarybot.circulation.CardCheck;
import ru.librarybot.circulation.CardNumber;
import ru.librarybot.circulation.CirculationUnavailable;
import ru.librarybot.circulation.Loan;
import ru.librarybot.circulation.Renewal;

class Sip2CirculationTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final CardNumber CARD = new CardNumber("1000001");

    private Sip2Emulator emulator;
    private Sip2Client client;

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"windows-1251", "UTF-8"})
    void readsChargedItemsWithCyrillicTitlesInTheServersCharset(String charset) throws Exception {
        Sip2Circulation circulation = library(Charset.forName(charset), emulator -> { });

        List<Loan> loans = circulation.loans(CARD);

        assertThat(loans).extracting(Loan::title)
                .containsExactly("Преступление и наказание", "Мастер и Маргарита", "Тихий Дон");
        assertThat(loans.getFirst().due()).isEqualTo(TODAY.minusDays(5));
        assertThat(loans.getFirst().branch()).isEqualTo("Центральная библиотека");
        assertThat(loans).filteredOn(Loan::reservedByOther).extracting(Loan::title).containsExactly("Тихий Дон");
    }

    @Test
    void acceptsTheRightPinOnlyAndAnUnknownCardNever() throws Exception {
        Sip2Circulation circulation = library(StandardCharsets.UTF_8, emulator -> { });

        assertThat(circulation.verify(CARD, CardCheck.PIN, "1234")).isTrue();
        assertThat(circulation.verify(CARD, CardCheck.PIN, "1235")).isFalse();
        assertThat(circulation.verify(new CardNumber("9999999"), CardCheck.PIN, "1234")).isFalse();
    }

    @Test
    void acceptsTheSurnameWhateverItsCaseAndYo() throws Exception {
        Sip2Circulation circulation = library(Charset.forName("windows-1251"), emulator -> emulator
                .patron("1000003", "0000", "Королёва Анна Сергеевна"));

        assertThat(circulation.verify(new CardNumber("1000003"), CardCheck.SURNAME, " королева ")).isTrue();
        assertThat(circulation.verify(new CardNumber("1000003"), CardCheck.SURNAME, "Анна")).isTrue();
        assertThat(circulation.verify(new CardNumber("1000003"), CardCheck.SURNAME, "Королёв")).isFalse();
        assertThat(circulation.verify(CARD, CardCheck.SURNAME, "Королёва")).isFalse();
    }

    @Test
    void renewsAndTellsTheDueDateTheServerGave() throws Exception {
        Sip2Circulation circulation = library(StandardCharsets.UTF_8, emulator -> { });
        Loan master = loan(circulation, "Мастер и Маргарита");

        Renewal renewal = circulation.renew(CARD, master);

        assertThat(renewal).isEqualTo(new Renewal.Renewed(master.renewedUntil(TODAY.plusDays(17)), TODAY.plusDays(17)));
        assertThat(emulator.item("B-2").due()).isEqualTo(TODAY.plusDays(17));
    }

    @Test
    void aCopyAnotherReaderReservedIsRefusedAsReserved() throws Exception {
        Sip2Circulation circulation = library(StandardCharsets.UTF_8, emulator -> { });

        Renewal renewal = circulation.renew(CARD, loan(circulation, "Тихий Дон"));

        assertThat(renewal).isInstanceOfSatisfying(Renewal.Refused.class, refused -> {
            assertThat(refused.reason()).isEqualTo(Renewal.Refusal.RESERVED);
            assertThat(refused.libraryMessage()).isEqualTo("На экземпляр есть бронь другого читателя");
        });
    }

    @Test
    void renewalsUsedUpAreToldFromTheServersRussianMessage() throws Exception {
        Sip2Circulation circulation = library(Charset.forName("windows-1251"), emulator -> emulator.renewed("B-2", 2));

        Renewal renewal = circulation.renew(CARD, loan(circulation, "Мастер и Маргарита"));

        assertThat(renewal).extracting(r -> ((Renewal.Refused) r).reason()).isEqualTo(Renewal.Refusal.RENEWALS_EXHAUSTED);
    }

    @Test
    void renewAllTellsWhichWereRenewedAndWhichNot() throws Exception {
        Sip2Circulation circulation = library(StandardCharsets.UTF_8, emulator -> { });

        List<Renewal> renewals = circulation.renewAll(CARD);

        assertThat(renewals).filteredOn(Renewal.Renewed.class::isInstance).extracting(r -> r.loan().title())
                .containsExactlyInAnyOrder("Преступление и наказание", "Мастер и Маргарита");
        assertThat(renewals).filteredOn(Renewal.Refused.class::isInstance)
                .singleElement().satisfies(r -> {
                    assertThat(r.loan().title()).isEqualTo("Тихий Дон");
                    assertThat(((Renewal.Refused) r).reason()).isEqualTo(Renewal.Refusal.RESERVED);
                });
        assertThat(renewals).filteredOn(Renewal.Renewed.class::isInstance)
                .allSatisfy(r -> assertThat(((Renewal.Renewed) r).due()).isAfter(TODAY));
    }

    @Test
    void aReplyWithABadChecksumIsAskedForAgain() throws Exception {
        Sip2Circulation circulation = library(StandardCharsets.UTF_8, emulator -> { });
        circulation.loans(CARD);
        emulator.corruptNextReplies(1);

        assertThat(circulation.loans(CARD)).hasSize(3);
        assertThat(emulator.received("97")).isEqualTo(1);
    }

    @Test
    void aRequestTheServerCouldNotReadIsSentAgain() throws Exception {
        Sip2Circulation circulation = library(StandardCharsets.UTF_8, emulator -> { });
        circulation.loans(CARD);
        long before = emulator.received("63");
        emulator.treatNextRequestsAsUnreadable(1);

        assertThat(circulation.verify(CARD, CardCheck.PIN, "1234")).isTrue();
        assertThat(emulator.received("63") - before).isEqualTo(2);
    }

    @Test
    void aServerThatKeepsCorruptingRepliesIsReportedUnavailable() throws Exception {
        Sip2Circulation circulation = library(StandardCharsets.UTF_8, emulator -> { });
        circulation.loans(CARD);
        emulator.corruptNextReplies(100);

        assertThatThrownBy(() -> circulation.loans(CARD)).isInstanceOf(CirculationUnavailable.class)
                .hasMessageNotContaining("1000001");
    }

    @Test
    void aDroppedConnectionIsReplacedByANewOneLoggedIn() throws Exception {
        Sip2Circulation circulation = library(StandardCharsets.UTF_8, emulator -> { });
        circulation.loans(CARD);
        emulator.dropAllConnections();

        assertThat(circulation.loans(CARD)).hasSize(3);
        assertThat(circulation.renew(CARD, loan(circulation, "Мастер и Маргарита")))
                .isInstanceOf(Renewal.Renewed.class);
        assertThat(emulator.logins()).isEqualTo(2);
    }

    @Test
    void aRenewalIsNeverSentTwiceWhenTheLineDropsAfterIt() throws Exception {
        Sip2Circulation circulation = library(StandardCharsets.UTF_8, emulator -> { });
        Loan master = loan(circulation, "Мастер и Маргарита");
        emulator.dropAfterNext("29");

        assertThatThrownBy(() -> circulation.renew(CARD, master)).isInstanceOf(CirculationUnavailable.class);
        assertThat(emulator.received("29")).isEqualTo(1);
        assertThat(emulator.item("B-2").due()).isEqualTo(TODAY.plusDays(17));
    }

    @Test
    void aSilentServerTimesOutInsteadOfHangingTheReader() throws Exception {
        Sip2Circulation circulation = library(StandardCharsets.UTF_8, emulator -> { });
        circulation.loans(CARD);
        emulator.silent(true);
        long started = System.nanoTime();

        assertThatThrownBy(() -> circulation.loans(CARD)).isInstanceOf(CirculationUnavailable.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        emulator.silent(false);
    }

    @Test
    void aRefusedLoginSaysWhichSettingsToCheck() throws Exception {
        Sip2Circulation circulation = library(StandardCharsets.UTF_8, emulator -> emulator.password("other"));

        assertThatThrownBy(() -> circulation.loans(CARD)).isInstanceOf(CirculationUnavailable.class)
                .hasMessageContaining("LIBRARYBOT_SIP2_USER").hasMessageNotContaining("secret");
    }

    @Test
    void aSmallPoolServesManyReadersAtOnce() throws Exception {
        Sip2Circulation circulation = library(StandardCharsets.UTF_8, emulator -> { });
        try (ExecutorService readers = Executors.newFixedThreadPool(8)) {
            List<Future<List<Loan>>> answers = java.util.stream.IntStream.range(0, 40)
                    .mapToObj(i -> readers.submit(() -> circulation.loans(CARD))).toList();
            for (Future<List<Loan>> answer : answers) {
                assertThat(answer.get()).hasSize(3);
            }
        }
        assertThat(emulator.logins()).isLessThanOrEqualTo(2);
    }

    @Test
    void readsTheDueDateFormatsVendorsUse() {
        assertThat(Sip2Circulation.parseDate("20261124    235900")).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(Sip2Circulation.parseDate("2026-11-24")).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(Sip2Circulation.parseDate("24.11.2026")).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(Sip2Circulation.parseDate("11/24/2026")).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(Sip2Circulation.parseDate("soon")).isNull();
        assertThat(Sip2Circulation.parseDate("20261340    000000")).isNull();
    }

    private Sip2Circulation library(Charset charset, java.util.function.Consumer<Sip2Emulator> setUp) throws Exception {
        emulator = new Sip2Emulator(charset).today(TODAY)
                .patron("1000001", "1234", "Иванова Мария Петровна")
                .loan("1000001", "B-1", "Преступление и наказание", TODAY.minusDays(5))
                .loan("1000001", "B-2", "Мастер и Маргарита", TODAY.plusDays(3))
                .loan("1000001", "B-3", "Тихий Дон", TODAY.plusDays(7))
                .holds("B-3", 1);
        setUp.accept(emulator);
        client = new Sip2Client(emulator.settings());
        Clock clock = Clock.fixed(ZonedDateTime.of(TODAY.atTime(12, 0), MOSCOW).toInstant(), MOSCOW);
        return new Sip2Circulation(client, emulator.settings(), clock, MOSCOW);
    }

    private static Loan loan(Sip2Circulation circulation, String title) {
        return circulation.loans(CARD).stream().filter(l -> l.title().equals(title)).findFirst().orElseThrow();
    }
}
