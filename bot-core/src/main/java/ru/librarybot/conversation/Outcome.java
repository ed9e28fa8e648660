package ru.librarybot.conversation;

/** How a reader's message was dealt with, as managers count it. */
public enum Outcome {
    ANSWERED,
    NOT_FOUND,
    HANDED_OVER,
    /** The reader asked for a service this library has not connected yet: counted so demand is visible. */
    UNAVAILABLE,
    ERROR
}
