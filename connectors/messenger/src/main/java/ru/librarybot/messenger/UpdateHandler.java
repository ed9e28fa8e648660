package ru.librarybot.messenger;

import ru.librarybot.conversation.Channel;

/** Turns one stored platform update into the conversation engine's input and the outbox's replies. */
public interface UpdateHandler {

    Channel channel();

    /**
     * Handles an update taken from the inbox. Throwing leaves it there as received: it is handled again after a
     * pause, a few times, before it is recorded as failed, so handling must bear being repeated (the outbox drops a
     * reply queued again under the same id). The exception's message is never logged, as it may quote the update.
     */
    void handle(InboxEntry update);
}
