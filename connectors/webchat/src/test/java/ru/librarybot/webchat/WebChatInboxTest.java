package ru.librarybot.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.librarybot.conversation.Button;
import ru.librarybot.conversation.Channel;
import ru.librarybot.conversation.Reply;
import ru.librarybot.delivery.Outgoing;
import ru.librarybot.testing.MemoryStore;

class WebChatInboxTest {

    private MemoryStore store;
    private WebChatInbox inbox;

    @BeforeEach
    void startStore() {
        store = MemoryStore.start();
        inbox = new WebChatInbox(store.template());
    }

    @AfterEach
    void stopStore() {
        store.close();
    }

    @Test
    void theLibrarysMessagesWaitForThePageAndAreHandedOverOnce() {
        inbox.send(outgoing("m1", new Reply.Text("Книга вернулась", List.of(new Button("Где взять", "INFO:branch:central")))));
        inbox.send(outgoing("m2", new Reply.Image(new byte[] {1, 2}, "график", List.of())));

        List<Reply> collected = inbox.collect("reader-1");

        assertThat(collected).hasSize(2);
        assertThat(collected.getFirst()).isEqualTo(new Reply.Text("Книга вернулась",
                List.of(new Button("Где взять", "INFO:branch:central"))));
        assertThat(((Reply.Image) collected.get(1)).altText()).isEqualTo("график");
        assertThat(inbox.collect("reader-1")).isEmpty();
        assertThat(inbox.collect("someone-else")).isEmpty();
    }

    @Test
    void aRetriedSendIsKeptOnce() {
        inbox.send(outgoing("m1", new Reply.Text("Напоминание")));
        inbox.send(outgoing("m1", new Reply.Text("Напоминание")));

        assertThat(inbox.collect("reader-1")).hasSize(1);
    }

    @Test
    void anAbandonedPageKeepsOnlyTheNewestMessages() {
        for (int i = 0; i < WebChatInbox.KEPT_PER_READER + 5; i++) {
            inbox.send(outgoing("m" + i, new Reply.Text("Сообщение " + i)));
        }

        List<Reply> collected = inbox.collect("reader-1");

        assertThat(collected).hasSize(WebChatInbox.KEPT_PER_READER);
        assertThat(((Reply.Text) collected.getLast()).text()).isEqualTo("Сообщение " + (WebChatInbox.KEPT_PER_READER + 4));
    }

    private static Outgoing outgoing(String id, Reply reply) {
        return new Outgoing(id, "webchat:key", Channel.WEBCHAT, "reader-1", List.of(reply), "reminder");
    }
}
