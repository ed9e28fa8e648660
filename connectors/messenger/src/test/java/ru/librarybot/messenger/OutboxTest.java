package ru.librarybot.messenger;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import ru.librarybot.conversation.Channel;
import ru.librarybot.conversation.Reply;
import ru.librarybot.delivery.DeliveryReports;
import ru.librarybot.delivery.Outgoing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

class OutboxTest {

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private final DeliveryReports reports = mock(DeliveryReports.class);
    private final RecordingTransport transport = new RecordingTransport();

    @BeforeEach
    void startStore() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        mongo = new MongoTemplate(client, "outbox");
    }

    @AfterEach
    void stopStore() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aRestartSendsOnlyThePartsOfAMessageNotSentBefore() {
        Outgoing reminder = new Outgoing("m1", "telegram:r1", Channel.TELEGRAM, "42",
                List.of(new Reply.Text("первая"), new Reply.Text("вторая"), new Reply.Text("третья")), "reminder");
        // the last run stored the message and sent its first part, then died
        mongo.insert(new Document("_id", "m1").append("channel", "telegram").append("readerKey", "telegram:r1")
                .append("chatId", "42").append("purpose", "reminder").append("state", "pending").append("sent", 1)
                .append("createdAt", new java.util.Date()).append("replies", reminder.replies().stream()
                        .map(reply -> new Document("type", "text").append("text", ((Reply.Text) reply).text())
                                .append("buttons", List.of())).toList()), "messenger_outbox");

        outbox().resume();

        await().until(() -> transport.sent.size() == 2);
        assertThat(transport.sent).containsExactly("42:вторая", "42:третья");
        await().until(() -> "sent".equals(mongo.findById("m1", Document.class, "messenger_outbox").getString("state")));
    }

    @Test
    void aMessageQueuedTwiceIsSentOnce() {
        Outbox outbox = outbox();
        Outgoing answer = new Outgoing("m2", "telegram:r2", Channel.TELEGRAM, "43", List.of(new Reply.Text("ответ")), "reply");
        outbox.enqueue(answer);
        outbox.enqueue(answer);

        await().until(outbox::idle);
        assertThat(transport.sent).containsExactly("43:ответ");
    }

    @Test
    void aMessageThatKeepsFailingIsRecordedWithItsReason() {
        transport.failing = true;
        Outbox outbox = outbox();
        outbox.enqueue(new Outgoing("m3", "telegram:r3", Channel.TELEGRAM, "44", List.of(new Reply.Text("x")), "reminder"));

        await().until(outbox::idle);
        verify(reports).failed(any(), contains("gave up after 3 attempts"));
        assertThat(mongo.findOne(Query.query(Criteria.where("_id").is("m3")), Document.class, "messenger_outbox")
                .getString("state")).isEqualTo("failed");
        verify(reports, never()).readerUnreachable(eq("telegram:r3"), any());
    }

    private Outbox outbox() {
        return new Outbox(mongo, List.of(transport), reports,
                new Retries(3, Duration.ofMillis(10), Duration.ofMillis(20), 5), Clock.systemUTC());
    }

    /** A platform that takes every message at once, or fails every one with a server error. */
    private static final class RecordingTransport implements Transport {
        final List<String> sent = new CopyOnWriteArrayList<>();
        volatile boolean failing;
        private final Pace pace = new Pace(Pace.Limit.perSecond(1000), null, null);

        @Override
        public Channel channel() {
            return Channel.TELEGRAM;
        }

        @Override
        public Pace pace() {
            return pace;
        }

        @Override
        public boolean isGroupChat(String chatId) {
            return false;
        }

        @Override
        public List<Reply> messages(Reply reply) {
            return List.of(reply);
        }

        @Override
        public void send(String chatId, Reply message, String sendKey) throws SendFailure {
            if (failing) {
                throw new SendFailure.Transient("502 Bad Gateway", null);
            }
            sent.add(chatId + ":" + ((Reply.Text) message).text());
        }
    }
}
