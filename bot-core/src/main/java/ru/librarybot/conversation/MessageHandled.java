package ru.librarybot.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Published after every reader message the engine handled: the interaction log and statistics listen to it.
 *
 * @param readerKey pseudonymous; the platform id is not part of the event
 * @param inboundText what the reader typed, or the pressed button's payload
 */
public record MessageHandled(Channel channel, String readerKey, Instant receivedAt, String inboundText, boolean pressed,
                             Intent intent, Outcome outcome, List<Reply> replies, Duration handlingTime) {
}
