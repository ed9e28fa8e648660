package ru.librarybot.circulation;

import java.util.List;

/**
 * A person asked the bot to forget them (/forget, 152-ФЗ): every capability that keeps something under these
 * reader keys deletes it.
 */
public record ReaderForgotten(List<String> readerKeys) {

    public ReaderForgotten {
        readerKeys = List.copyOf(readerKeys);
    }
}
