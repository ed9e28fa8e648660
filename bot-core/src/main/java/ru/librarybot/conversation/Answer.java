package ru.librarybot.conversation;

import java.util.List;

/**
 * What the engine answers to one reader message.
 *
 * @param awaiting what the bot now expects from the reader, or {@code null}
 */
public record Answer(Intent intent, Outcome outcome, List<Reply> replies, Awaiting awaiting) {

    public Answer {
        replies = List.copyOf(replies);
    }

    public static Answer of(Intent intent, Outcome outcome, Reply... replies) {
        return new Answer(intent, outcome, List.of(replies), null);
    }

    public Answer awaiting(Awaiting next) {
        return new Answer(intent, outcome, replies, next);
    }
}
