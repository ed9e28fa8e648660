package ru.librarybot.delivery;

import java.util.List;

import ru.librarybot.conversation.Channel;
import ru.librarybot.conversation.Reply;

/**
 * A message the library starts.
 *
 * @param id stable for this message, so a retried send can be recognised by the platform (VK's random_id)
 * @param purpose what it is for, as counted: "reminder", "announcement", "availability", "librarian-answer"
 */
public record Outgoing(String id, String readerKey, Channel channel, String chatId, List<Reply> replies,
                       String purpose) {

    public Outgoing {
        replies = List.copyOf(replies);
    }
}
