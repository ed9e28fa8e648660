package ru.librarybot.webchat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;

import org.springframework.stereotype.Service;

import ru.librarybot.conversation.Answer;
import ru.librarybot.conversation.Channel;
import ru.librarybot.conversation.ConversationEngine;
import ru.librarybot.conversation.InboundMessage;
import ru.librarybot.conversation.InboundMessage.Content;
import ru.librarybot.conversation.Reply;
import ru.librarybot.conversation.UnknownButtonException;

/**
 * What a reader may send through the web chat, and the way it reaches the engine: the browser keeps one random
 * id per reader, which serves as both chat and user id.
 */
@Service
public class WebChat {

    public static final int MAX_TEXT_LENGTH = 4000;
    public static final int MAX_USER_LENGTH = 128;
    /** Telegram's callback data limit, which every button payload keeps to. */
    static final int MAX_PAYLOAD_BYTES = 64;

    private static final Duration MAX_WAIT = Duration.ofSeconds(5);
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._:-]+");

    private final ConversationEngine engine;
    private final WebChatInbox inbox;
    private final Semaphore answering;

    /**
     * @param maxAnswering readers answered at once; beyond it a message waits briefly, then is refused as busy, so
     *                     a crowd slows the bot down instead of exhausting its memory
     */
    public WebChat(ConversationEngine engine, WebChatInbox inbox,
                   @Value("${librarybot.webchat.max-answering:64}") int maxAnswering) {
        this.engine = engine;
        this.inbox = inbox;
        this.answering = new Semaphore(maxAnswering);
    }

    /** What the library sent this reader since the page last asked. */
    public List<Reply> collect(String user) {
        requireValidUser(user);
        return inbox.collect(user);
    }

    public Answer receive(String user, Content content) {
        requireValidUser(user);
        switch (content) {
            case Content.Text(String text) -> requireReadable(text);
            case Content.ButtonPress(String payload) -> requireKnown(payload);
        }
        Instant received = Instant.now();
        acquireTurn();
        try {
            return engine.handle(new InboundMessage(Channel.WEBCHAT, user, user, content, received));
        } catch (UnknownButtonException e) {
            throw new RefusedMessage("webchat.refused.unknownButton");
        } finally {
            answering.release();
        }
    }

    private void acquireTurn() {
        try {
            if (!answering.tryAcquire(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new BotBusy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BotBusy();
        }
    }

    private static void requireValidUser(String user) {
        if (user == null || user.isBlank()) {
            throw new RefusedMessage("webchat.refused.userMissing");
        }
        if (user.length() > MAX_USER_LENGTH || !USER_ID.matcher(user).matches()) {
            throw new RefusedMessage("webchat.refused.userInvalid", String.valueOf(MAX_USER_LENGTH));
        }
    }

    private static void requireReadable(String text) {
        if (text.codePoints().allMatch(WebChat::isInvisible)) {
            throw new RefusedMessage("webchat.refused.textBlank");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new RefusedMessage("webchat.refused.textTooLong",
                    String.valueOf(text.length()), String.valueOf(MAX_TEXT_LENGTH));
        }
        if (text.codePoints().anyMatch(WebChat::isForbidden)) {
            throw new RefusedMessage("webchat.refused.controlCharacters");
        }
    }

    private void requireKnown(String payload) {
        if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES || !engine.isKnownButton(payload)) {
            throw new RefusedMessage("webchat.refused.unknownButton");
        }
    }

    private static boolean isInvisible(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || Character.getType(codePoint) == Character.FORMAT;
    }

    /** Control characters other than line breaks and tabs, and halves of broken surrogate pairs. */
    private static boolean isForbidden(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL -> codePoint != '\n' && codePoint != '\r' && codePoint != '\t';
            case Character.SURROGATE -> true;
            default -> false;
        };
    }
}
