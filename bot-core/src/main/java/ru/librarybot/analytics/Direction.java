package ru.librarybot.analytics;

/** Which way a logged message went: from the reader to the bot, or back. */
public enum Direction {
    IN, OUT
}
