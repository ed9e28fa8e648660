package ru.librarybot.conversation;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The one conversation engine every channel talks to: recognizes what the reader wants, hands it to the
 * capability that answers it, keeps the dialog state and announces the exchange for the interaction log.
 */
@org.springframework.stereotype.Service
public class ConversationEngine {

    private static final Logger log = LoggerFactory.getLogger(ConversationEngine.class);
    static final String SECRET_ANSWER = "•••";

    /** A reader who comes back later with something else is not held to the bot's old question. */
    static final Duration ANSWER_EXPECTED_WITHIN = Duration.ofMinutes(30);

    private final IntentRecognizer recognizer;
    private final List<TitleRecognizer> titles;
    private final Map<Intent, IntentHandler> handlers = new EnumMap<>(Intent.class);
    private final IntentHandler notConnected;
    private final Dialogs dialogs;
    private final ReaderKeys readerKeys;
    private final ApplicationEventPublisher events;
    private final Texts texts;
    private final Clock clock;

    public ConversationEngine(IntentRecognizer recognizer, List<TitleRecognizer> titles,
                              List<IntentHandler> capabilities, Dialogs dialogs, ReaderKeys readerKeys,
                              ApplicationEventPublisher events, Texts texts, Clock clock) {
        this.recognizer = recognizer;
        this.titles = titles;
        this.dialogs = dialogs;
        this.readerKeys = readerKeys;
        this.events = events;
        this.texts = texts;
        this.clock = clock;
        this.notConnected = new NotConnectedHandler(texts);
        for (IntentHandler handler : capabilities) {
            for (Intent intent : handler.intents()) {
                IntentHandler previous = handlers.putIfAbsent(intent, handler);
                if (previous != null) {
                    throw new IllegalStateException(intent + " is answered by both " + previous.getClass().getSimpleName()
                            + " and " + handler.getClass().getSimpleName());
                }
            }
        }
    }

    /**
     * Answers one reader message. Never throws for anything the reader sent, except a button the bot never
     * offered ({@link UnknownButtonException}), which a connector refuses.
     */
    public Answer handle(InboundMessage message) {
        long started = System.nanoTime();
        String readerKey = readerKeys.of(message.channel(), message.userId());
        Turn turn = understand(message, readerKey);
        Answer answer;
        try {
            answer = handlerFor(turn.intent()).handle(turn);
            remember(turn.dialog(), answer);
        } catch (RuntimeException e) {
            log.error("Failed to answer a {} message with intent {}", message.channel().id(), turn.intent(), e);
            answer = Answer.of(turn.intent(), Outcome.ERROR, new Reply.Text(texts.get("error.apology"),
                    List.of(Button.of(texts.get("button.menu"), Intent.HELP))));
        }
        if (message.chatId().equals(message.userId())) {
            // only a private chat is the reader's own: reminders about their loans must not land in a group chat
            events.publishEvent(new ReaderWrote(readerKey, message.channel(), message.chatId(), message.receivedAt()));
        }
        events.publishEvent(new MessageHandled(message.channel(), readerKey, message.receivedAt(),
                loggedText(message, turn), turn.pressed(), answer.intent(), answer.outcome(), answer.replies(),
                Duration.ofNanos(System.nanoTime() - started)));
        return answer;
    }

    private void remember(Dialog dialog, Answer answer) {
        // most messages neither start nor end a question, so the dialog is written only when one is asked or ends
        if (dialog.awaiting() != answer.awaiting() || answer.awaiting() != null) {
            dialogs.save(dialog.after(answer.awaiting(), clock.instant()));
        }
    }

    /** Whether a button payload is one the bot could have offered. */
    public boolean isKnownButton(String payload) {
        try {
            parseButton(payload);
            return true;
        } catch (UnknownButtonException e) {
            return false;
        }
    }

    private Turn understand(InboundMessage message, String readerKey) {
        Dialog dialog = dialogs.of(readerKey);
        return switch (message.content()) {
            case InboundMessage.Content.ButtonPress(String payload) ->
                    new Turn(message, readerKey, parseButton(payload), true, dialog);
            case InboundMessage.Content.Text(String text) ->
                    new Turn(message, readerKey, recognize(text, dialog), false, dialog);
        };
    }

    private Recognition recognize(String text, Dialog dialog) {
        Recognition recognition = namedTitle(text, recognizer.recognize(text));
        if (!dialog.isAwaiting(clock.instant().minus(ANSWER_EXPECTED_WITHIN)) || text.strip().startsWith("/")
                || recognition.intent() == Intent.HELP || movedOn(dialog.awaiting(), text, recognition)) {
            return recognition;
        }
        // the reader is answering the bot's question: their whole text is the answer
        Intent expected = dialog.awaiting().intent();
        String query = expected == Intent.AVAILABILITY || expected == Intent.WISH
                ? recognizer.extractQuery(text) : text.strip();
        return new Recognition(expected, query);
    }

    /** Asked for a card number, a reader who asks about events instead wants the events, not a lecture on cards. */
    private static boolean movedOn(Awaiting awaiting, String text, Recognition recognition) {
        return awaiting.cannotBeAnsweredBy(text) && recognition.intent() != Intent.UNKNOWN
                && recognition.intent() != awaiting.intent();
    }

    /**
     * A text the word lists read as nothing, or as something else though it asks for a book ("есть ли у вас …"),
     * is a search when the catalog holds a title it names.
     */
    private Recognition namedTitle(String text, Recognition recognition) {
        if (titles.isEmpty() || text.strip().startsWith("/")) {
            return recognition;
        }
        // a reader's own loans and card are never a title's words; other requests' words are ("Доктор Живаго")
        boolean checkable = switch (recognition.intent()) {
            case UNKNOWN -> true;
            case AVAILABILITY, WISH, HELP, LOANS, RENEW, LINK_CARD -> false;
            default -> recognizer.asksForABook(text);
        };
        if (!checkable) {
            return recognition;
        }
        String query = recognizer.extractQuery(text);
        return !query.isBlank() && titles.getFirst().namesATitle(query)
                ? new Recognition(Intent.AVAILABILITY, query) : recognition;
    }

    private Recognition parseButton(String payload) {
        int colon = payload.indexOf(':');
        String name = colon < 0 ? payload : payload.substring(0, colon);
        String argument = colon < 0 ? "" : payload.substring(colon + 1);
        Intent intent;
        try {
            intent = Intent.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new UnknownButtonException(payload);
        }
        if (!handlerFor(intent).acceptsButton(intent, argument)) {
            throw new UnknownButtonException(payload);
        }
        return new Recognition(intent, argument);
    }

    private IntentHandler handlerFor(Intent intent) {
        return handlers.getOrDefault(intent, notConnected);
    }

    /** A card number or PIN the bot asked for stays out of the interaction log. */
    private static String loggedText(InboundMessage message, Turn turn) {
        Awaiting awaited = turn.dialog().awaiting();
        boolean answeringSecret = awaited != null && awaited.secret() && !turn.pressed()
                && turn.intent() == awaited.intent();
        return answeringSecret ? SECRET_ANSWER : inboundText(message);
    }

    private static String inboundText(InboundMessage message) {
        return switch (message.content()) {
            case InboundMessage.Content.Text(String text) -> text;
            case InboundMessage.Content.ButtonPress(String payload) -> payload;
        };
    }
}
