package ru.librarybot.messenger;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

import ru.librarybot.conversation.Button;
import ru.librarybot.conversation.ErrorSummary;
import ru.librarybot.conversation.Intent;
import ru.librarybot.conversation.ReaderKeys;
import ru.librarybot.conversation.Reply;
import ru.librarybot.conversation.Texts;
import ru.librarybot.delivery.Outgoing;

/** Tells a reader whose message the bot gave up on to write again or call: silence would leave them waiting. */
public class Apologies {

    private static final Logger log = LoggerFactory.getLogger(Apologies.class);

    private final Outbox outbox;
    private final Texts texts;
    private final ReaderKeys readerKeys;

    public Apologies(Outbox outbox, Texts texts, ReaderKeys readerKeys) {
        this.outbox = outbox;
        this.texts = texts;
        this.readerKeys = readerKeys;
    }

    @EventListener
    public void on(UpdateGivenUp givenUp) {
        if (givenUp.chatId() == null) {
            return;
        }
        try {
            // one apology per update, however often this runs: the outbox keeps one message per id
            outbox.enqueue(new Outgoing("apology:" + givenUp.channel().id() + ":" + givenUp.updateId(),
                    readerKeys.of(givenUp.channel(), givenUp.chatId()), givenUp.channel(), givenUp.chatId(),
                    List.of(new Reply.Text(texts.get("messenger.givenUp"),
                            List.of(Button.of(texts.get("button.menu"), Intent.HELP)))), "apology"));
        } catch (RuntimeException e) {
            log.warn("Could not tell a {} reader their message went unanswered ({})", givenUp.channel().id(),
                    ErrorSummary.of(e));
        }
    }
}
