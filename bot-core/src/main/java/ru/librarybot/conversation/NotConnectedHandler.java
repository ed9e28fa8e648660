package ru.librarybot.conversation;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Says plainly that a service the reader asked for is not connected in this library yet. */
class NotConnectedHandler implements IntentHandler {

    private final Texts texts;

    NotConnectedHandler(Texts texts) {
        this.texts = texts;
    }

    @Override
    public Set<Intent> intents() {
        return EnumSet.allOf(Intent.class);
    }

    @Override
    public Answer handle(Turn turn) {
        String service = texts.getOrDefault("service." + turn.intent().name(), "service.generic");
        return Answer.of(turn.intent(), Outcome.UNAVAILABLE, new Reply.Text(texts.get("service.notConnected", service),
                List.of(Button.of(texts.get("button.menu"), Intent.HELP), Button.of(texts.get("button.info"), Intent.INFO))));
    }
}
