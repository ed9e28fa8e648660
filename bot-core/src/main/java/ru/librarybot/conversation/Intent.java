package ru.librarybot.conversation;

/** What a reader wants. The names are a public contract: the web chat API and the interaction log carry them. */
public enum Intent {
    HELP, AVAILABILITY, LOANS, RENEW, INFO, EVENTS, SUBSCRIBE, UNSUBSCRIBE, WISH, FEEDBACK, HUMAN, LINK_CARD, UNKNOWN
}
