package ru.librarybot.circulation;

/** What a reader gives besides the card number to prove the card is theirs; each library uses one. */
public enum CardCheck {
    PIN, SURNAME
}
