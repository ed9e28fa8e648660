package ru.librarybot.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import ru.librarybot.conversation.Channel;
import ru.librarybot.conversation.Intent;
import ru.librarybot.conversation.MessageHandled;
import ru.librarybot.conversation.Outcome;
import ru.librarybot.conversation.Reply;

/** Handled-message events as the engine publishes them, for tests. */
final class Handled {

    private Handled() {
    }

    static MessageHandled message(Channel channel, String readerKey, Instant at, Intent intent, Outcome outcome) {
        return new MessageHandled(channel, readerKey, at, "есть ли у вас Незнайка", false, intent, outcome,
                List.of(new Reply.Text("Да, есть в Центральной библиотеке")), Duration.ofMillis(42));
    }

    static MessageHandled text(String inbound, String reply) {
        return new MessageHandled(Channel.WEBCHAT, "webchat:0123456789abcdef0123456789abcdef",
                Instant.parse("2026-11-21T10:00:00Z"), inbound, false, Intent.LINK_CARD, Outcome.ANSWERED,
                List.of(new Reply.Text(reply)), Duration.ofMillis(15));
    }
}
