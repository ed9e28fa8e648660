package ru.librarybot.catalog;

/** One record read from an import file: a title to store, or the reason it cannot be. */
sealed interface SourceItem {

    /** 1-based position of the record in the file (a CSV title counts once, however many copy rows it has). */
    int number();

    record Found(int number, Title title) implements SourceItem {
    }

    /**
     * @param recordId the record's id where it could still be read, else {@code null}
     */
    record Rejected(int number, String recordId, String reason) implements SourceItem {
    }
}
