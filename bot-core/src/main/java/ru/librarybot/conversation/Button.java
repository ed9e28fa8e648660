package ru.librarybot.conversation;

/**
 * A button under a reply. The payload is {@code INTENT} or {@code INTENT:argument}; it stays short because
 * Telegram allows 64 bytes of callback data.
 */
public record Button(String label, String payload) {

    public static Button of(String label, Intent intent) {
        return new Button(label, intent.name());
    }

    public static Button of(String label, Intent intent, String argument) {
        return new Button(label, intent.name() + ":" + argument);
    }
}
