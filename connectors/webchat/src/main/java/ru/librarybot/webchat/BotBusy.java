package ru.librarybot.webchat;

/** More readers are waiting for an answer than the bot takes at once: the page should try again shortly. */
public class BotBusy extends RuntimeException {

    public BotBusy() {
        // routine under overload: a stack trace would only cost time
        super("busy", null, false, false);
    }
}
