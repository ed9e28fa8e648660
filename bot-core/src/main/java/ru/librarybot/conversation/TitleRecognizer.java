package ru.librarybot.conversation;

/**
 * Tells whether a reader's words name a book the library holds. Readers often type just a title, or a title that
 * happens to contain words of another request ("Зулейха открывает глаза"): the catalog knows better than the
 * word lists.
 */
public interface TitleRecognizer {

    boolean namesATitle(String words);
}
