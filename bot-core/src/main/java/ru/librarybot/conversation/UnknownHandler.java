package ru.librarybot.conversation;

import java.util.Set;

/** Admits the bot did not understand, and offers the menu instead of guessing. */
@org.springframework.stereotype.Component
class UnknownHandler implements IntentHandler {

    private final Texts texts;

    UnknownHandler(Texts texts) {
        this.texts = texts;
    }

    @Override
    public Set<Intent> intents() {
        return Set.of(Intent.UNKNOWN);
    }

    @Override
    public Answer handle(Turn turn) {
        return Answer.of(Intent.UNKNOWN, Outcome.NOT_FOUND,
                new Reply.Text(texts.get("unknown.text"), HelpHandler.menu(texts)));
    }
}
