package ru.librarybot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.librarybot.conversation.Channel;
import ru.librarybot.conversation.ReaderWrote;
import ru.librarybot.conversation.Reply;
import ru.librarybot.testing.MemoryStore;

class DeliveryTest {

    private MemoryStore store;
    private ReaderAccountRepository accounts;
    private DeliveryReports reports;
    private final List<Outgoing> sentOnTelegram = new ArrayList<>();
    private final List<LibraryMessageSent> announced = new ArrayList<>();
    private Delivery delivery;

    @BeforeEach
    void setUp() {
        store = MemoryStore.start();
        MongoTemplate mongo = store.template();
        accounts = store.repository(ReaderAccountRepository.class);
        delivery = new Delivery(accounts, List.of(new ChannelSender() {
            public Channel channel() {
                return Channel.TELEGRAM;
            }

            public void send(Outgoing message) {
                sentOnTelegram.add(message);
            }
        }), event -> announced.add((LibraryMessageSent) event));
        reports = new DeliveryReports(accounts, mongo, delivery);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void aMessageGoesToTheChatTheReaderWroteFrom() {
        delivery.on(new ReaderWrote("telegram:abc", Channel.TELEGRAM, "555", Instant.now()));

        Delivery.Result result = delivery.toReader("m1", "telegram:abc", List.of(new Reply.Text("Пора вернуть книгу")),
                "reminder");

        assertThat(result).isEqualTo(Delivery.Result.QUEUED);
        assertThat(sentOnTelegram).singleElement().satisfies(sent -> {
            assertThat(sent.chatId()).isEqualTo("555");
            assertThat(sent.id()).isEqualTo("m1");
        });
        assertThat(announced).singleElement().satisfies(event -> {
            assertThat(event.purpose()).isEqualTo("reminder");
            assertThat(event.readerKey()).isEqualTo("telegram:abc");
        });
    }

    @Test
    void aReaderWhoBlockedTheBotIsNotWrittenToUntilTheyWriteAgain() {
        delivery.on(new ReaderWrote("telegram:abc", Channel.TELEGRAM, "555", Instant.now()));
        reports.readerUnreachable("telegram:abc", "blocked by the user");

        assertThat(delivery.toReader("m1", "telegram:abc", List.of(new Reply.Text("…")), "reminder"))
                .isEqualTo(Delivery.Result.UNREACHABLE);
        assertThat(sentOnTelegram).isEmpty();
        assertThat(announced).isEmpty();

        delivery.on(new ReaderWrote("telegram:abc", Channel.TELEGRAM, "555", Instant.now()));
        assertThat(delivery.toReader("m2", "telegram:abc", List.of(new Reply.Text("…")), "reminder"))
                .isEqualTo(Delivery.Result.QUEUED);
    }

    @Test
    void aReaderOnAChannelWithNoSenderIsReportedNotSilentlyDropped() {
        delivery.on(new ReaderWrote("vk:def", Channel.VK, "777", Instant.now()));

        assertThat(delivery.toReader("m1", "vk:def", List.of(new Reply.Text("…")), "reminder"))
                .isEqualTo(Delivery.Result.CHANNEL_OFF);
        assertThat(delivery.toReader("m1", "vk:unknown", List.of(new Reply.Text("…")), "reminder"))
                .isEqualTo(Delivery.Result.UNKNOWN_READER);
    }
}
