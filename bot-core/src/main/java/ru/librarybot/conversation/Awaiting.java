package ru.librarybot.conversation;

/** What the bot asked the reader for and expects as their next text. */
public enum Awaiting {
    BOOK_QUERY(Intent.AVAILABILITY, false),
    WISH_TITLE(Intent.WISH, false),
    FEEDBACK_TEXT(Intent.FEEDBACK, false),
    QUESTION_FOR_LIBRARIAN(Intent.HUMAN, false),
    CARD_NUMBER(Intent.LINK_CARD, true),
    /** The PIN or surname that proves the card is the reader's. */
    CARD_CHECK(Intent.LINK_CARD, true);

    private final Intent intent;
    private final boolean secret;

    Awaiting(Intent intent, boolean secret) {
        this.intent = intent;
        this.secret = secret;
    }

    /** The intent the reader's answer belongs to. */
    public Intent intent() {
        return intent;
    }

    /** Whether the reader's answer is a secret (a card number, a PIN) that must not reach the interaction log. */
    public boolean secret() {
        return secret;
    }

    /** A text with no digit is no card number: a reader who writes one has moved on to something else. */
    boolean cannotBeAnsweredBy(String text) {
        return this == CARD_NUMBER && text.chars().noneMatch(Character::isDigit);
    }
}
