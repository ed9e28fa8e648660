package ru.librarybot.circulation;

import java.time.Clock;
import java.util.List;

import ru.librarybot.conversation.Answer;
import ru.librarybot.conversation.Button;
import ru.librarybot.conversation.Channel;
import ru.librarybot.conversation.ConversationEngine;
import ru.librarybot.conversation.InboundMessage;
import ru.librarybot.conversation.Reply;

/** One reader's chat with the engine, as a connector drives it. */
public final class Chat {

    private final ConversationEngine engine;
    private final Channel channel;
    private final String user;
    private final Clock clock;
    private Answer last;

    public Chat(ConversationEngine engine, Channel channel, String user, Clock clock) {
        this.engine = engine;
        this.channel = channel;
        this.user = user;
        this.clock = clock;
    }

    public Answer say(String text) {
        last = engine.handle(new InboundMessage(channel, user, user, new InboundMessage.Content.Text(text),
                clock.instant()));
        return last;
    }

    public Answer press(String payload) {
        if (!engine.isKnownButton(payload)) {
            throw new IllegalArgumentException("The bot never offers " + payload);
        }
        last = engine.handle(new InboundMessage(channel, user, user, new InboundMessage.Content.ButtonPress(payload),
                clock.instant()));
        return last;
    }

    /** Presses the button under the last answer whose reply text contains {@code textPart} and whose label is given. */
    public Answer pressUnder(String textPart, String label) {
        for (Reply reply : last.replies()) {
            if (reply instanceof Reply.Text text && text.text().contains(textPart)) {
                for (Button button : text.buttons()) {
                    if (button.label().equals(label)) {
                        return press(button.payload());
                    }
                }
            }
        }
        throw new AssertionError("No «" + label + "» under a reply with «" + textPart + "» in " + texts(last));
    }

    public static String text(Answer answer) {
        return String.join("\n---\n", texts(answer));
    }

    public static List<String> texts(Answer answer) {
        return answer.replies().stream().map(reply -> switch (reply) {
            case Reply.Text text -> text.text();
            case Reply.Image image -> image.altText();
        }).toList();
    }

    public static List<String> payloads(Answer answer) {
        return answer.replies().stream().flatMap(reply -> reply.buttons().stream()).map(Button::payload).toList();
    }
}
