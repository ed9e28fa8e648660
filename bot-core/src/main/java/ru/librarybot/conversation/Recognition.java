package ru.librarybot.conversation;

/**
 * The intent read from a reader's text, with its argument where the intent takes one.
 *
 * @param query the book asked for (AVAILABILITY, WISH), lowercased; empty when the reader named none
 */
public record Recognition(Intent intent, String query) {

    public Recognition {
        query = query == null ? "" : query;
    }

    public static Recognition of(Intent intent) {
        return new Recognition(intent, "");
    }

    public boolean hasQuery() {
        return !query.isBlank();
    }
}
