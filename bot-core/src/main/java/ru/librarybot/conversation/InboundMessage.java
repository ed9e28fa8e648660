package ru.librarybot.conversation;

import java.time.Instant;
import java.util.Objects;

/**
 * What a reader sent, as any connector delivers it.
 *
 * @param chatId where replies go (a private chat or a group)
 * @param userId the platform's id of the person; never logged in clear
 */
public record InboundMessage(Channel channel, String chatId, String userId, Content content, Instant receivedAt) {

    public InboundMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    public static InboundMessage text(Channel channel, String userId, String text) {
        return new InboundMessage(channel, userId, userId, new Content.Text(text), Instant.now());
    }

    public static InboundMessage button(Channel channel, String userId, String payload) {
        return new InboundMessage(channel, userId, userId, new Content.ButtonPress(payload), Instant.now());
    }

    /** What the reader did: typed text or pressed a button. */
    public sealed interface Content {
        record Text(String text) implements Content {
            public Text {
                Objects.requireNonNull(text, "text");
            }
        }

        record ButtonPress(String payload) implements Content {
            public ButtonPress {
                Objects.requireNonNull(payload, "payload");
            }
        }
    }
}
