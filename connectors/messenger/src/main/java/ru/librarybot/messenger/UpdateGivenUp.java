package ru.librarybot.messenger;

import ru.librarybot.conversation.Channel;

/**
 * A platform update the inbox gave up on after every attempt failed: whoever sent it got no answer.
 *
 * @param chatId where it came from, or {@code null} when the update named no chat
 */
public record UpdateGivenUp(Channel channel, String updateId, String chatId) {
}
