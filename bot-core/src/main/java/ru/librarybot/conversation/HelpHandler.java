package ru.librarybot.conversation;

import java.util.List;
import java.util.Set;

/** Shows what the bot can do, as buttons a reader on a phone can tap. */
@org.springframework.stereotype.Component
class HelpHandler implements IntentHandler {

    private final Texts texts;

    HelpHandler(Texts texts) {
        this.texts = texts;
    }

    @Override
    public Set<Intent> intents() {
        return Set.of(Intent.HELP);
    }

    @Override
    public Answer handle(Turn turn) {
        return Answer.of(Intent.HELP, Outcome.ANSWERED, new Reply.Text(texts.get("help.text"), menu(texts)));
    }

    static List<Button> menu(Texts texts) {
        return List.of(
                Button.of(texts.get("button.search"), Intent.AVAILABILITY),
                Button.of(texts.get("button.loans"), Intent.LOANS),
                Button.of(texts.get("button.info"), Intent.INFO),
                Button.of(texts.get("button.events"), Intent.EVENTS),
                Button.of(texts.get("button.wish"), Intent.WISH),
                Button.of(texts.get("button.human"), Intent.HUMAN));
    }
}
