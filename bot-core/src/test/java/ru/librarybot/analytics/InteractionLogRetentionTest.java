package ru.librarybot.analytics;

import ru.librarybot.testing.MemoryStore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;

import ru.librarybot.conversation.Channel;
import ru.librarybot.conversation.Intent;
import ru.librarybot.conversation.MessageHandled;
import ru.librarybot.conversation.Outcome;

class InteractionLogRetentionTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final Instant NOW = Instant.parse("2026-11-21T00:30:00Z");
    private static final String ANNA = "webchat:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    private MemoryStore store;
    private InteractionWriter writer;

    @BeforeEach
    void startStore() {
        store = MemoryStore.start();
        writer = new InteractionWriter(store.template(), new DailyRollups(store.template()), new SimpleMeterRegistry());
    }

    @AfterEach
    void stopStore() {
        store.close();
    }

    @Test
    void deletesMessagesOlderThanTheRetentionAndKeepsTheRest() {
        write(Handled.message(Channel.WEBCHAT, ANNA, NOW.minus(Duration.ofDays(400)), Intent.HELP, Outcome.ANSWERED));
        write(Handled.message(Channel.WEBCHAT, ANNA, NOW.minus(Duration.ofDays(365)).minusSeconds(5), Intent.INFO,
                Outcome.ANSWERED));
        write(Handled.message(Channel.WEBCHAT, ANNA, NOW.minus(Duration.ofDays(365)).plusSeconds(5), Intent.WISH,
                Outcome.HANDED_OVER));
        write(Handled.message(Channel.WEBCHAT, ANNA, NOW.minusSeconds(60), Intent.EVENTS, Outcome.ANSWERED));

        InteractionLogRetention.Purged purged = retention(Duration.ofDays(365)).purge();

        assertThat(purged.interactions()).isEqualTo(4);
        assertThat(store.template().findAll(Document.class, Interaction.COLLECTION))
                .extracting(d -> d.getString("intent")).containsOnly("WISH", "EVENTS").hasSize(4);
    }

    @Test
    void keepsTheStatisticsOfPurgedMessages() {
        write(Handled.message(Channel.WEBCHAT, ANNA, NOW.minus(Duration.ofDays(400)), Intent.HELP, Outcome.ANSWERED));

        retention(Duration.ofDays(30)).purge();

        assertThat(store.template().count(new Query(), Interaction.COLLECTION)).isZero();
        assertThat(store.template().count(new Query(), DailyRollups.STATS)).isEqualTo(1);
        assertThat(store.template().count(new Query(), DailyRollups.TOTALS)).isEqualTo(2);
    }

    @Test
    void forgetsWhichReadersWroteOnceTheirDayIsPast() {
        for (int daysAgo = 0; daysAgo < 6; daysAgo++) {
            write(Handled.message(Channel.WEBCHAT, ANNA, NOW.minus(Duration.ofDays(daysAgo)), Intent.HELP,
                    Outcome.ANSWERED));
        }

        InteractionLogRetention.Purged purged = retention(Duration.ofDays(365)).purge();

        // 00:30 UTC is 03:30 in Moscow on 21 November: the 21st, 20th and 19th stay, each marked per channel and
        // over all channels
        assertThat(purged.readerDays()).isEqualTo(6);
        assertThat(store.template().findAll(Document.class, DailyRollups.READERS))
                .extracting(d -> d.getString("_id"))
                .containsExactlyInAnyOrder("2026-11-21|" + ANNA, "2026-11-20|" + ANNA, "2026-11-19|" + ANNA,
                        "2026-11-21|all|" + ANNA, "2026-11-20|all|" + ANNA, "2026-11-19|all|" + ANNA);
    }

    private InteractionLogRetention retention(Duration kept) {
        return new InteractionLogRetention(store.template(), kept, MOSCOW, Clock.fixed(NOW, MOSCOW));
    }

    private void write(MessageHandled handled) {
        writer.write(List.of(Exchange.of(handled, MOSCOW)));
    }
}
