package ru.librarybot.analytics;

import ru.librarybot.testing.MemoryStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.librarybot.conversation.Channel;
import ru.librarybot.conversation.Intent;
import ru.librarybot.conversation.MessageHandled;
import ru.librarybot.conversation.Outcome;

class DailyRollupsTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final String ANNA = "webchat:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String BORIS = "telegram:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private static final Instant SATURDAY_NOON = Instant.parse("2026-11-21T09:00:00Z");

    private MemoryStore store;
    private InteractionWriter writer;
    private DailyStatistics statistics;

    @BeforeEach
    void startStore() {
        store = MemoryStore.start();
        writer = new InteractionWriter(store.template(), new DailyRollups(store.template()), new SimpleMeterRegistry());
        statistics = new DailyStatistics(store.template());
    }

    @AfterEach
    void stopStore() {
        store.close();
    }

    @Test
    void addsEachMessageToItsDayChannelIntentAndOutcome() {
        write(Handled.message(Channel.WEBCHAT, ANNA, SATURDAY_NOON, Intent.AVAILABILITY, Outcome.ANSWERED));
        write(Handled.message(Channel.WEBCHAT, BORIS, SATURDAY_NOON.plusSeconds(60), Intent.AVAILABILITY,
                Outcome.ANSWERED));
        write(Handled.message(Channel.WEBCHAT, ANNA, SATURDAY_NOON.plusSeconds(120), Intent.AVAILABILITY,
                Outcome.NOT_FOUND));

        Document answered = stats("2026-11-21|webchat|AVAILABILITY|ANSWERED");
        assertThat(answered.get("messages")).isEqualTo(2L);
        assertThat(answered).containsEntry("day", "2026-11-21").containsEntry("channel", "webchat")
                .containsEntry("intent", "AVAILABILITY").containsEntry("outcome", "ANSWERED");
        assertThat(stats("2026-11-21|webchat|AVAILABILITY|NOT_FOUND").get("messages")).isEqualTo(1L);
    }

    @Test
    void sumsMessagesOfOneBatchIntoOneCounter() {
        writer.write(List.of(exchange(Handled.message(Channel.VK, ANNA, SATURDAY_NOON, Intent.INFO, Outcome.ANSWERED)),
                exchange(Handled.message(Channel.VK, BORIS, SATURDAY_NOON, Intent.INFO, Outcome.ANSWERED))));

        assertThat(stats("2026-11-21|vk|INFO|ANSWERED").get("messages")).isEqualTo(2L);
    }

    @Test
    void countsAReaderOnceADayAndAgainTheNextDay() {
        write(Handled.message(Channel.WEBCHAT, ANNA, SATURDAY_NOON, Intent.HELP, Outcome.ANSWERED));
        write(Handled.message(Channel.WEBCHAT, ANNA, SATURDAY_NOON.plusSeconds(30), Intent.INFO, Outcome.ANSWERED));
        writer.write(List.of(exchange(Handled.message(Channel.WEBCHAT, ANNA, SATURDAY_NOON.plusSeconds(90),
                Intent.EVENTS, Outcome.UNAVAILABLE))));
        write(Handled.message(Channel.WEBCHAT, ANNA, SATURDAY_NOON.plusSeconds(86_400), Intent.HELP,
                Outcome.ANSWERED));

        List<DayFigures> days = statistics.between(LocalDate.of(2026, 11, 21), LocalDate.of(2026, 11, 22));

        assertThat(days.get(0).total()).isEqualTo(new DayFigures.Totals(3, 3, 1));
        assertThat(days.get(0).channel(Channel.WEBCHAT)).isEqualTo(new DayFigures.Totals(3, 3, 1));
        assertThat(days.get(1).total()).isEqualTo(new DayFigures.Totals(1, 1, 1));
    }

    @Test
    void countsReadersOfEveryChannelInTheDaysTotal() {
        write(Handled.message(Channel.WEBCHAT, ANNA, SATURDAY_NOON, Intent.HELP, Outcome.ANSWERED));
        write(Handled.message(Channel.TELEGRAM, BORIS, SATURDAY_NOON, Intent.HELP, Outcome.ANSWERED));
        write(Handled.message(Channel.TELEGRAM, BORIS, SATURDAY_NOON, Intent.LOANS, Outcome.UNAVAILABLE));

        DayFigures saturday = statistics.between(LocalDate.of(2026, 11, 21), LocalDate.of(2026, 11, 21)).get(0);

        assertThat(saturday.total()).isEqualTo(new DayFigures.Totals(3, 3, 2));
        assertThat(saturday.channel(Channel.TELEGRAM)).isEqualTo(new DayFigures.Totals(2, 2, 1));
        assertThat(saturday.channel(Channel.VK)).isEqualTo(DayFigures.Totals.NONE);
        assertThat(saturday.messages(Intent.HELP, Outcome.ANSWERED)).isEqualTo(2);
    }

    @Test
    void aReaderWhoLinkedTheirCardOnTwoChannelsIsOnePersonOverAllChannels() {
        String annaOnVk = "vk:cccccccccccccccccccccccccccccccc";
        writer = new InteractionWriter(store.template(), new DailyRollups(store.template(),
                key -> key.equals(annaOnVk) || key.equals(ANNA) ? "reader:anna" : key), new SimpleMeterRegistry());
        write(Handled.message(Channel.WEBCHAT, ANNA, SATURDAY_NOON, Intent.HELP, Outcome.ANSWERED));
        write(Handled.message(Channel.VK, annaOnVk, SATURDAY_NOON, Intent.LOANS, Outcome.ANSWERED));
        write(Handled.message(Channel.TELEGRAM, BORIS, SATURDAY_NOON, Intent.HELP, Outcome.ANSWERED));

        DayFigures saturday = statistics.between(LocalDate.of(2026, 11, 21), LocalDate.of(2026, 11, 21)).get(0);

        assertThat(saturday.channel(Channel.WEBCHAT).uniqueReaders()).isEqualTo(1);
        assertThat(saturday.channel(Channel.VK).uniqueReaders()).isEqualTo(1);
        assertThat(saturday.total().uniqueReaders()).isEqualTo(2);
    }

    @Test
    void countsAMessageAtHalfPastElevenUtcForTheNextMoscowDay() {
        write(Handled.message(Channel.WEBCHAT, ANNA, Instant.parse("2026-11-20T23:30:00Z"), Intent.INFO,
                Outcome.ANSWERED));

        assertThat(stats("2026-11-21|webchat|INFO|ANSWERED").get("messages")).isEqualTo(1L);
        assertThat(stats("2026-11-20|webchat|INFO|ANSWERED")).isNull();
    }

    @Test
    void readsEveryDayOfAPeriodWithQuietDaysAsZeros() {
        write(Handled.message(Channel.WEBCHAT, ANNA, Instant.parse("2026-11-19T12:00:00Z"), Intent.INFO,
                Outcome.ANSWERED));
        write(Handled.message(Channel.WEBCHAT, ANNA, SATURDAY_NOON, Intent.WISH, Outcome.HANDED_OVER));
        write(Handled.message(Channel.WEBCHAT, ANNA, Instant.parse("2026-11-23T12:00:00Z"), Intent.INFO,
                Outcome.ANSWERED));

        List<DayFigures> days = statistics.between(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 22));

        assertThat(days).extracting(DayFigures::day).containsExactly(
                LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 21), LocalDate.of(2026, 11, 22));
        assertThat(days).extracting(day -> day.total().messagesIn()).containsExactly(0L, 1L, 0L);
        assertThat(days.get(1).counts()).containsExactly(
                new DayFigures.Count(Channel.WEBCHAT, Intent.WISH, Outcome.HANDED_OVER, 1));
    }

    @Test
    void refusesAPeriodThatEndsBeforeItStarts() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> statistics.between(LocalDate.of(2026, 11, 21), LocalDate.of(2026, 11, 20)))
                .withMessageContaining("ends (2026-11-20) before it starts (2026-11-21)");
    }

    private void write(MessageHandled... handled) {
        writer.write(Stream.of(handled).map(DailyRollupsTest::exchange).toList());
    }

    private static Exchange exchange(MessageHandled handled) {
        return Exchange.of(handled, MOSCOW);
    }

    private Document stats(String id) {
        return store.template().findById(id, Document.class, DailyRollups.STATS);
    }
}
