package ru.librarybot.messenger;

import java.time.Instant;

import ru.librarybot.conversation.Channel;

/**
 * A platform update as received and stored before anything else is done with it.
 *
 * @param id the platform's own id of the update, so a redelivery is recognised
 * @param lane the chat it belongs to: updates of one chat are handled in the order they came
 * @param payload the update's JSON as the platform sent it
 */
public record InboxEntry(String id, Channel channel, String lane, String payload, Instant receivedAt) {
}
