package ru.librarybot.conversation;

import java.time.Instant;

/**
 * A reader wrote from a channel account: where later messages to them (reminders, announcements, answers from a
 * librarian) can be delivered. Carries the platform chat id, so only delivery may listen to it.
 */
public record ReaderWrote(String readerKey, Channel channel, String chatId, Instant at) {
}
