package ru.librarybot.conversation;

/** A messenger a reader writes from; each has its own connector. */
public enum Channel {
    WEBCHAT, TELEGRAM, VK, MAX;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
