package ru.librarybot.conversation;

import java.util.Set;

/**
 * Answers the intents of one capability. Capabilities plug in by declaring a bean; an intent no bean handles is
 * answered as a service not connected yet.
 */
public interface IntentHandler {

    Set<Intent> intents();

    Answer handle(Turn turn);

    /**
     * Whether a button argument (the part after {@code INTENT:}) is one this handler made. Unknown payloads are
     * refused before any handling.
     */
    default boolean acceptsButton(Intent intent, String argument) {
        return argument.isEmpty();
    }
}
