package ru.librarybot.messenger;

import ru.librarybot.conversation.Channel;

/** Turns one stored platform update into the conversation engine's input and the outbox's replies. */
public interface UpdateHandler {

    Channel channel();

    /**
     * Handles an update taken from the inbox. Throwing leaves it there as received, so it is handled again on the
     * next start instead of being lost.
     */
    void handle(InboxEntry update);
}
