package ru.librarybot.analytics;

import ru.librarybot.conversation.Reply;
import ru.librarybot.delivery.LibraryMessageSent;

import ru.librarybot.testing.MemoryStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.result.UpdateResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.UpdateDefinition;

import ru.librarybot.conversation.Channel;
import ru.librarybot.conversation.Intent;
import ru.librarybot.conversation.MessageHandled;
import ru.librarybot.conversation.Outcome;

class InteractionLogTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final String ANNA = "webchat:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final Instant NOON = Instant.parse("2026-11-21T09:00:00Z");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private MemoryStore store;

    @BeforeEach
    void startStore() {
        store = MemoryStore.start();
    }

    @AfterEach
    void stopStore() {
        store.close();
    }

    @Test
    void writesTheReadersMessageAndTheRepliesOnceStopped() {
        InteractionLog log = logOn(store.template(), 100);
        log.start();

        log.onMessageHandled(Handled.message(Channel.WEBCHAT, ANNA, NOON, Intent.AVAILABILITY, Outcome.ANSWERED));
        log.onMessageHandled(Handled.message(Channel.WEBCHAT, ANNA, NOON.plusSeconds(5), Intent.INFO, Outcome.ANSWERED));
        log.stop();

        List<Document> logged = store.template().findAll(Document.class, Interaction.COLLECTION);
        assertThat(logged).extracting(d -> d.getString("direction")).containsExactlyInAnyOrder("IN", "OUT", "IN", "OUT");
        Document in = logged.stream().filter(d -> d.getString("direction").equals("IN")
                && d.getString("intent").equals("AVAILABILITY")).findFirst().orElseThrow();
        assertThat(in).containsEntry("channel", "webchat").containsEntry("readerKey", ANNA)
                .containsEntry("text", "есть ли у вас Незнайка").containsEntry("truncated", false)
                .containsEntry("outcome", "ANSWERED").containsEntry("handlingMs", 42L).containsEntry("pressed", false);
        assertThat(in.getDate("time").toInstant()).isEqualTo(NOON);
        assertThat(in).doesNotContainKey("_class");
        assertThat(store.template().count(new Query(), DailyRollups.STATS)).isEqualTo(2);
        assertThat(meters.get("librarybot.log.queue.size").gauge().value()).isZero();
    }

    @Test
    void aReminderTheLibrarySentIsLoggedAsOutboundAndCountedApartFromReadersMessages() {
        InteractionLog log = logOn(store.template(), 100);
        log.start();

        log.onLibraryMessageSent(new LibraryMessageSent("r1", ANNA, Channel.TELEGRAM, "reminder",
                List.of(new Reply.Text("Через 3 дня вернуть «Незнайку»", List.of())), NOON));
        log.stop();

        Document out = store.template().findOne(new Query(), Document.class, Interaction.COLLECTION);
        assertThat(out).containsEntry("direction", "OUT").containsEntry("purpose", "reminder")
                .containsEntry("readerKey", ANNA).containsEntry("text", "Через 3 дня вернуть «Незнайку»");
        Document day = store.template().findById("2026-11-21|telegram", Document.class, "daily_totals");
        assertThat(day.get("messagesOut", Number.class).longValue()).isEqualTo(1);
        assertThat(day.get("messagesIn", Number.class).longValue()).isZero();
        assertThat(day.get("libraryMessages", Number.class).longValue()).isEqualTo(1);
        assertThat(day.get("uniqueReaders", Number.class).longValue()).isZero();
        assertThat(store.template().findAll(Document.class, "daily_stats")).isEmpty();
    }

    @Test
    void logsTheReplyTextMaskedAndCut() {
        InteractionLog log = logOn(store.template(), 100);
        log.start();

        log.onMessageHandled(Handled.text("мой читательский 2100345678901 " + "х".repeat(5_000),
                "Билет ***********01 привязан"));
        log.stop();

        Document in = store.template().findOne(Query.query(
                Criteria.where("direction").is("IN")),
                Document.class, Interaction.COLLECTION);
        assertThat(in.getString("text")).startsWith("мой читательский ***********01 ")
                .hasSize(LoggedText.MAX_LENGTH).doesNotContain("21003456789");
        assertThat(in.getBoolean("truncated")).isTrue();
    }

    @Test
    void dropsAndCountsAMessageWhenTheQueueIsFull() {
        InteractionLog log = logOn(store.template(), 2);

        for (int i = 0; i < 5; i++) {
            log.onMessageHandled(Handled.message(Channel.VK, ANNA, NOON.plusSeconds(i), Intent.HELP, Outcome.ANSWERED));
        }

        assertThat(meters.get("librarybot.log.dropped").counter().count()).isEqualTo(3);
        assertThat(meters.get("librarybot.log.queue.size").gauge().value()).isEqualTo(2);
        log.start();
        log.stop();
        assertThat(store.template().count(Query.query(
                Criteria.where("direction").is("IN")),
                Interaction.COLLECTION)).isEqualTo(2);
    }

    @Test
    void keepsTakingMessagesWhileTheStoreHangs() throws InterruptedException {
        MongoTemplate hanging = mock(MongoTemplate.class);
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        doAnswer(invocation -> {
            writing.countDown();
            release.await(30, TimeUnit.SECONDS);
            return List.of();
        }).when(hanging).insert(anyCollection(), anyString());
        when(hanging.upsert(any(Query.class), any(UpdateDefinition.class), anyString()))
                .thenReturn(UpdateResult.acknowledged(0, 1L, null));
        InteractionLog log = logOn(hanging, 3);
        log.start();
        log.onMessageHandled(Handled.message(Channel.VK, ANNA, NOON, Intent.HELP, Outcome.ANSWERED));
        assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();

        for (int i = 1; i <= 10; i++) {
            log.onMessageHandled(Handled.message(Channel.VK, ANNA, NOON.plusSeconds(i), Intent.HELP, Outcome.ANSWERED));
        }

        assertThat(meters.get("librarybot.log.dropped").counter().count()).isEqualTo(7);
        assertThat(meters.get("librarybot.log.queue.size").gauge().value()).isEqualTo(3);
        release.countDown();
        log.stop();
    }

    @Test
    void flushesWhatIsQueuedWhenTheApplicationStops() {
        InteractionLog log = logOn(store.template(), 100);
        for (int i = 0; i < 3; i++) {
            log.onMessageHandled(Handled.message(Channel.VK, ANNA, NOON.plusSeconds(i), Intent.HELP, Outcome.ANSWERED));
        }

        log.start();
        log.stop();

        assertThat(store.template().count(Query.query(Criteria.where("direction").is("IN")), Interaction.COLLECTION))
                .isEqualTo(3);
        assertThat(log.isRunning()).isFalse();
    }

    @Test
    @Timeout(30)
    void stopsWaitingForAHangingStoreAfterTheBound() {
        MongoTemplate hanging = mock(MongoTemplate.class);
        CountDownLatch release = new CountDownLatch(1);
        doAnswer(invocation -> {
            release.await(120, TimeUnit.SECONDS);
            return List.of();
        }).when(hanging).insert(anyCollection(), anyString());
        when(hanging.upsert(any(Query.class), any(UpdateDefinition.class), anyString()))
                .thenReturn(UpdateResult.acknowledged(0, 1L, null));
        InteractionWriter writer = new InteractionWriter(hanging, new DailyRollups(hanging), meters);
        InteractionLog log = new InteractionLog(writer, MOSCOW, 100, Duration.ofMillis(300), meters);
        log.start();
        log.onMessageHandled(Handled.message(Channel.VK, ANNA, NOON, Intent.HELP, Outcome.ANSWERED));

        log.stop();

        assertThat(log.isRunning()).isFalse();
        release.countDown();
    }

    @Test
    void aMalformedEventIsLeftOutAndCountedNotThrown() {
        InteractionLog log = logOn(store.template(), 100);

        assertThatNoException().isThrownBy(() -> log.onMessageHandled(new MessageHandled(Channel.WEBCHAT, ANNA, NOON,
                "текст", false, Intent.HELP, Outcome.ANSWERED, List.of(), null)));

        assertThat(meters.get("librarybot.log.dropped").counter().count()).isEqualTo(1);
    }

    @Test
    void aFailingStoreIsCountedAndNeverReachesTheReply() {
        MongoTemplate failing = mock(MongoTemplate.class);
        when(failing.insert(anyCollection(), anyString()))
                .thenThrow(new DataAccessResourceFailureException("Timed out while waiting for a server"));
        when(failing.upsert(any(Query.class),
                any(UpdateDefinition.class),
                anyString())).thenThrow(new DataAccessResourceFailureException("Timed out while waiting for a server"));
        InteractionLog log = logOn(failing, 100);
        log.start();

        assertThatNoException().isThrownBy(() -> log.onMessageHandled(
                Handled.message(Channel.TELEGRAM, ANNA, NOON, Intent.LOANS, Outcome.ANSWERED)));
        log.stop();

        assertThat(meters.get("librarybot.log.write.failures").tag("target", "log").counter().count())
                .isEqualTo(1);
        assertThat(meters.get("librarybot.log.write.failures").tag("target", "statistics").counter().count())
                .isEqualTo(1);
    }

    @Test
    void aStoppedStoreCostsOnlyTheLog() {
        InteractionLog log = logOn(store.template(), 100);
        log.start();
        store.stopServer();

        assertThatNoException().isThrownBy(() -> log.onMessageHandled(
                Handled.message(Channel.TELEGRAM, ANNA, NOON, Intent.LOANS, Outcome.ANSWERED)));
        log.stop();

        assertThat(meters.get("librarybot.log.write.failures").tag("target", "log").counter().count())
                .isEqualTo(1);
    }

    private InteractionLog logOn(MongoTemplate mongo, int capacity) {
        InteractionWriter writer = new InteractionWriter(mongo, new DailyRollups(mongo), meters);
        return new InteractionLog(writer, MOSCOW, capacity, Duration.ofSeconds(30), meters);
    }
}
