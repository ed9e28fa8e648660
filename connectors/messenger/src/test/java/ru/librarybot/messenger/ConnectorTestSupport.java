package ru.librarybot.messenger;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.librarybot.conversation.Answer;
import ru.librarybot.conversation.Button;
import ru.librarybot.conversation.Channel;
import ru.librarybot.conversation.ConversationEngine;
import ru.librarybot.conversation.InboundMessage;
import ru.librarybot.conversation.Intent;
import ru.librarybot.conversation.Outcome;
import ru.librarybot.conversation.ReaderKeys;
import ru.librarybot.conversation.Reply;
import ru.librarybot.conversation.Texts;
import ru.librarybot.delivery.DeliveryReports;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * What a messenger connector's tests stand on: a store shared by the test class with a database of its own for each
 * test, an engine stand-in that echoes each message as "Ответ на «…»" with a menu button, and the outbox and
 * inbox as the application builds them, with short retries.
 */
public abstract class ConnectorTestSupport {

    private static MongoServer mongoServer;
    private static MongoClient mongoClient;
    private final Channel channel;
    protected MongoTemplate mongo;
    protected final ConversationEngine engine = mock(ConversationEngine.class);
    protected final DeliveryReports reports = mock(DeliveryReports.class);
    /** Every message the engine was given, in order. */
    protected final List<InboundMessage> handled = new CopyOnWriteArrayList<>();

    protected ConnectorTestSupport(Channel channel) {
        this.channel = channel;
    }

    @BeforeAll
    protected static void startStore() {
        mongoServer = new MongoServer(new MemoryBackend());
        mongoServer.bind("127.0.0.1", 0);
        mongoClient = MongoClients.create("mongodb://127.0.0.1:" + mongoServer.getLocalAddress().getPort());
    }

    @AfterAll
    protected static void stopStore() {
        mongoClient.close();
        mongoServer.shutdownNow();
    }

    @BeforeEach
    protected void echoingEngineOnAFreshDatabase() {
        mongo = new MongoTemplate(mongoClient, channel.id() + "-" + System.nanoTime());
        // a button whose payload starts with OLD is one the engine no longer knows
        when(engine.isKnownButton(anyString())).thenAnswer(call -> !call.<String>getArgument(0).startsWith("OLD"));
        when(engine.handle(any())).thenAnswer(call -> {
            InboundMessage message = call.getArgument(0);
            handled.add(message);
            String said = switch (message.content()) {
                case InboundMessage.Content.Text(String text) -> text;
                case InboundMessage.Content.ButtonPress(String payload) -> payload;
            };
            return Answer.of(Intent.HELP, Outcome.ANSWERED,
                    new Reply.Text("Ответ на «" + said + "»", List.of(Button.of("Меню", Intent.HELP))));
        });
    }

    protected Outbox outbox(Transport transport) {
        return new Outbox(mongo, List.of(transport), reports,
                new Retries(4, Duration.ofMillis(50), Duration.ofMillis(200), 50), Clock.systemUTC());
    }

    /** Gives up on an update after three attempts, and apologizes through the outbox as the application does. */
    protected Inbox inbox(UpdateHandler updates, Outbox outbox) {
        Apologies apologies = new Apologies(outbox, texts(), fixedKeys());
        return new Inbox(mongo, List.of(updates), Clock.systemUTC(), new SimpleMeterRegistry(),
                event -> apologies.on((UpdateGivenUp) event), List.of(Duration.ofMillis(50), Duration.ofMillis(200)));
    }

    /** Reader keys a test can name: the real ones are HMACs. */
    protected static ReaderKeys fixedKeys() {
        ReaderKeys keys = mock(ReaderKeys.class);
        when(keys.of(any(), anyString())).thenAnswer(call -> call.<Channel>getArgument(0).id() + ":reader-"
                + call.<String>getArgument(1));
        return keys;
    }

    protected static Texts texts() {
        ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
        source.setBasenames("classpath:messages/bot");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return new Texts(source);
    }
}
