package ru.librarybot.delivery;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import ru.librarybot.conversation.Channel;

/**
 * A reader's account on one channel: the chat to write to, and whether the platform still lets us (a reader who
 * blocked the bot is not written to again until they write themselves).
 *
 * @param unreachableReason why the platform refused, e.g. "blocked by the user"; {@code null} when reachable
 */
@Document("reader_accounts")
public record ReaderAccount(@Id String readerKey, Channel channel, String chatId, Instant lastSeen,
                            String unreachableReason) {

    public boolean reachable() {
        return unreachableReason == null;
    }

    ReaderAccount unreachable(String reason) {
        return new ReaderAccount(readerKey, channel, chatId, lastSeen, reason);
    }
}
