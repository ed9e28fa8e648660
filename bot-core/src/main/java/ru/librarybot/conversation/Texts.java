package ru.librarybot.conversation;

import java.util.Locale;

import org.springframework.context.MessageSource;

/** Every text a reader sees, from the message bundles a library may override. */
public class Texts {

    public static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private final MessageSource messages;

    public Texts(MessageSource messages) {
        this.messages = messages;
    }

    public String get(String code, Object... args) {
        return messages.getMessage(code, args, RUSSIAN);
    }

    /** A text that may be absent from the bundles, e.g. one per intent. */
    public String getOrDefault(String code, String fallbackCode, Object... args) {
        String text = messages.getMessage(code, args, null, RUSSIAN);
        return text != null ? text : get(fallbackCode, args);
    }
}
