package ru.librarybot.delivery;

import java.time.Instant;
import java.util.List;

import ru.librarybot.conversation.Channel;
import ru.librarybot.conversation.Reply;

/**
 * A message the library started was handed to a channel: the interaction log records it beside the readers'
 * own conversations.
 *
 * @param purpose what it was for, e.g. "reminder", "availability"
 */
public record LibraryMessageSent(String messageId, String readerKey, Channel channel, String purpose,
                                 List<Reply> replies, Instant at) {
}
