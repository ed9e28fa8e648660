package ru.librarybot.conversation;

/** What the bot asked the reader for and expects as their next text. */
public enum Awaiting {
    BOOK_QUERY(Intent.AVAILABILITY),
    WISH_TITLE(Intent.WISH),
    FEEDBACK_TEXT(Intent.FEEDBACK),
    QUESTION_FOR_LIBRARIAN(Intent.HUMAN);

    private final Intent intent;

    Awaiting(Intent intent) {
        this.intent = intent;
    }

    /** The intent the reader's answer belongs to. */
    public Intent intent() {
        return intent;
    }
}
