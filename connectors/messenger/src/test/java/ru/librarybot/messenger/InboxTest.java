package ru.librarybot.messenger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.librarybot.conversation.Channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class InboxTest {

    /** Four attempts in all, quickly. */
    private static final List<Duration> QUICK = List.of(Duration.ofMillis(10), Duration.ofMillis(20),
            Duration.ofMillis(40));

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final FlakyHandler handler = new FlakyHandler();
    private final List<Inbox> inboxes = new ArrayList<>();
    private final List<Object> events = new CopyOnWriteArrayList<>();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void startStore() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        mongo = new MongoTemplate(client, "inbox");
        log.start();
        inboxLogger().addAppender(log);
    }

    @AfterEach
    void stopStore() {
        inboxLogger().detachAppender(log);
        inboxes.forEach(Inbox::close);
        client.close();
        server.shutdownNow();
    }

    @Test
    void answersAMessageWhoseFirstTwoAttemptsFailedWithoutARestartAndOnlyOnce() {
        handler.failing.put("telegram:1", 2);
        Inbox inbox = inbox(QUICK);

        inbox.accept(Channel.TELEGRAM, "1", "42", "{\"text\":\"продлите книгу\"}");

        await().until(inbox::idle);
        assertThat(handler.attempted).containsExactly("telegram:1", "telegram:1", "telegram:1");
        assertThat(handler.handled).containsExactly("telegram:1");
        Document stored = stored("1");
        assertThat(stored.getString("state")).isEqualTo("handled");
        assertThat(stored.getInteger("attempts")).isEqualTo(2);
        assertThat(stored.getString("lastError")).startsWith(DataAccessResourceFailureException.class.getSimpleName());
    }

    @Test
    void aLaterMessageOfTheSameChatWaitsForTheOneBeingTriedAgain() {
        handler.failing.put("telegram:1", 1);
        handler.gate = new CountDownLatch(1);
        Inbox inbox = inbox(QUICK);

        inbox.accept(Channel.TELEGRAM, "1", "42", "{\"text\":\"продлите книгу\"}");
        inbox.accept(Channel.TELEGRAM, "2", "42", "{\"text\":\"спасибо\"}");
        // the first message fails only once the second is queued behind it
        handler.gate.countDown();

        await().until(inbox::idle);
        assertThat(handler.handled).containsExactly("telegram:1", "telegram:2");
    }

    @Test
    void otherChatsAreAnsweredWhileOneWaitsAndWhatWaitedIsHandledInOrderAfterARestart() {
        handler.failing.put("telegram:1", 1);
        Inbox inbox = inbox(List.of(Duration.ofHours(1)));

        inbox.accept(Channel.TELEGRAM, "1", "42", "{\"text\":\"продлите книгу\"}");
        inbox.accept(Channel.TELEGRAM, "2", "42", "{\"text\":\"спасибо\"}");
        inbox.accept(Channel.TELEGRAM, "3", "43", "{\"text\":\"часы работы\"}");

        await().until(() -> handler.handled.contains("telegram:3"));
        await().until(() -> stored("1").getInteger("attempts", 0) == 1);
        assertThat(handler.handled).containsExactly("telegram:3");
        assertThat(inbox.idle()).isFalse();

        // the process stops while the first message waits for its next attempt
        inbox.close();
        Inbox restarted = inbox(QUICK);
        restarted.resume();

        await().until(restarted::idle);
        assertThat(handler.handled).containsExactly("telegram:3", "telegram:1", "telegram:2");
    }

    @Test
    void givesUpOnAMessageThatKeepsFailingAndLeavesItOutOfTheNextStart() {
        handler.failing.put("telegram:7", Integer.MAX_VALUE);
        Inbox inbox = inbox(QUICK);

        inbox.accept(Channel.TELEGRAM, "7", "42", "{\"text\":\"продлите книгу\"}");
        inbox.accept(Channel.TELEGRAM, "8", "42", "{\"text\":\"ау\"}");

        await().until(inbox::idle);
        assertThat(handler.attempted).filteredOn("telegram:7"::equals).hasSize(4);
        assertThat(handler.handled).containsExactly("telegram:8");
        assertThat(stored("7").getString("state")).isEqualTo("failed");
        assertThat(stored("7").getInteger("attempts")).isEqualTo(4);
        assertThat(meters.get("librarybot.inbox.failed").tag("channel", "telegram").counter().count()).isEqualTo(1);
        assertThat(log.list.getLast().getLevel()).isEqualTo(Level.ERROR);
        assertThat(log.list.getLast().getFormattedMessage())
                .contains("Gave up on telegram update 7 after 4 attempts", "not tried again");
        assertThat(events).containsExactly(new UpdateGivenUp(Channel.TELEGRAM, "7", "42"));

        Inbox restarted = inbox(QUICK);
        restarted.resume();

        await().until(restarted::idle);
        assertThat(handler.attempted).filteredOn("telegram:7"::equals).hasSize(4);
    }

    @Test
    void recordsEveryAttemptWithoutTheReadersWordsInTheStoreOrTheLog() {
        handler.failing.put("telegram:9", Integer.MAX_VALUE);
        Inbox inbox = inbox(QUICK);

        inbox.accept(Channel.TELEGRAM, "9", "42", "{\"text\":\"мой билет 0012345678901, пин 9876\"}");

        await().until(inbox::idle);
        Document stored = stored("9");
        assertThat(stored.getInteger("attempts")).isEqualTo(4);
        assertThat(stored.getString("lastError"))
                .startsWith(DataAccessResourceFailureException.class.getSimpleName())
                .contains("InboxTest$FlakyHandler.handle");
        stored.remove("payload");
        assertThat(stored.toJson()).doesNotContain("0012345678901", "9876");
        assertThat(log.list).hasSize(4).allSatisfy(event -> {
            assertThat(event.getFormattedMessage()).contains("telegram update 9")
                    .doesNotContain("0012345678901", "9876");
            assertThat(event.getThrowableProxy()).isNull();
        });
    }

    @Test
    void forgetsFailedUpdatesAfterAWeekLikeHandledOnes() {
        Instant now = Instant.now();
        mongo.insert(List.of(
                failed("old", now.minus(Duration.ofDays(8))),
                failed("recent", now.minus(Duration.ofDays(1))),
                new Document("_id", "telegram:handled").append("channel", "telegram").append("state", "handled")
                        .append("handledAt", Date.from(now.minus(Duration.ofDays(8))))), Inbox.COLLECTION);

        inbox(QUICK).resume();

        assertThat(mongo.findAll(Document.class, Inbox.COLLECTION)).extracting(document -> document.get("_id"))
                .containsExactly("telegram:recent");
    }

    private static Document failed(String updateId, Instant at) {
        return new Document("_id", "telegram:" + updateId).append("channel", "telegram").append("lane", "42")
                .append("payload", "{\"text\":\"пин 9876\"}").append("state", "failed").append("attempts", 6)
                .append("failedAt", Date.from(at));
    }

    private Inbox inbox(List<Duration> pauses) {
        Inbox inbox = new Inbox(mongo, List.of(handler), Clock.systemUTC(), meters, events::add, pauses);
        inboxes.add(inbox);
        return inbox;
    }

    private Document stored(String updateId) {
        return mongo.findById("telegram:" + updateId, Document.class, Inbox.COLLECTION);
    }

    private static ch.qos.logback.classic.Logger inboxLogger() {
        return (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Inbox.class);
    }

    /** Fails an update as many times as it is told to, as a store would, quoting it; then handles it. */
    private static final class FlakyHandler implements UpdateHandler {
        /** Update id to the attempts still to fail. */
        final Map<String, Integer> failing = new ConcurrentHashMap<>();
        final List<String> attempted = new CopyOnWriteArrayList<>();
        final List<String> handled = new CopyOnWriteArrayList<>();
        /** What every attempt waits for. */
        volatile CountDownLatch gate = new CountDownLatch(0);

        @Override
        public Channel channel() {
            return Channel.TELEGRAM;
        }

        @Override
        public void handle(InboxEntry update) {
            attempted.add(update.id());
            try {
                assertThat(gate.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (failing.merge(update.id(), -1, Integer::sum) >= 0) {
                throw new DataAccessResourceFailureException("Write failed for the document " + update.payload());
            }
            handled.add(update.id());
        }
    }
}
