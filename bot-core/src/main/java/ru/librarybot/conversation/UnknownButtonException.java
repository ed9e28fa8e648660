package ru.librarybot.conversation;

/** A button payload the bot never offered: a stale keyboard or a forged request. */
public class UnknownButtonException extends RuntimeException {

    public UnknownButtonException(String payload) {
        super("Unknown button payload: " + abbreviate(payload));
    }

    private static String abbreviate(String payload) {
        return payload.length() <= 64 ? payload : payload.substring(0, 64) + "…";
    }
}
