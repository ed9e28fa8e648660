package ru.librarybot.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.types.ObjectId;

import ru.librarybot.conversation.Channel;
import ru.librarybot.conversation.Intent;
import ru.librarybot.conversation.MessageHandled;
import ru.librarybot.conversation.Outcome;
import ru.librarybot.conversation.Reply;
import ru.librarybot.delivery.LibraryMessageSent;

/**
 * One handled reader message, ready for the log and the rollups: texts already masked and bounded, so the
 * queue never holds a reader's full text or a reply's picture.
 *
 * @param day the library's local date of the reader's message
 * @param purpose set for a message the library started, which has no reader message, intent or outcome
 */
record Exchange(LocalDate day, Channel channel, String readerKey, Intent intent, Outcome outcome, int repliesSent,
                List<Interaction> interactions, String purpose) {

    boolean startedByLibrary() {
        return purpose != null;
    }

    static Exchange of(LibraryMessageSent sent, ZoneId zone) {
        List<Interaction> interactions = new ArrayList<>(sent.replies().size());
        for (Reply reply : sent.replies()) {
            LoggedText outbound = LoggedText.of(textOf(reply));
            interactions.add(new Interaction(idAt(sent.at()), sent.at(), sent.channel(), sent.readerKey(),
                    Direction.OUT, outbound.text(), outbound.truncated(), null, null, 0, false, sent.purpose()));
        }
        return new Exchange(LocalDate.ofInstant(sent.at(), zone), sent.channel(), sent.readerKey(), null, null,
                sent.replies().size(), List.copyOf(interactions), sent.purpose());
    }

    private static String textOf(Reply reply) {
        return switch (reply) {
            case Reply.Text text -> text.text();
            case Reply.Image image -> image.altText();
        };
    }

    static Exchange of(MessageHandled handled, ZoneId zone) {
        long handlingMs = handled.handlingTime().toMillis();
        Instant answeredAt = handled.receivedAt().plus(handled.handlingTime());
        List<Interaction> interactions = new ArrayList<>(1 + handled.replies().size());
        LoggedText inbound = LoggedText.of(handled.inboundText());
        interactions.add(new Interaction(idAt(handled.receivedAt()), handled.receivedAt(), handled.channel(),
                handled.readerKey(), Direction.IN, inbound.text(), inbound.truncated(), handled.intent(),
                handled.outcome(), handlingMs, handled.pressed(), null));
        for (Reply reply : handled.replies()) {
            LoggedText outbound = LoggedText.of(textOf(reply));
            interactions.add(new Interaction(idAt(answeredAt), answeredAt, handled.channel(), handled.readerKey(),
                    Direction.OUT, outbound.text(), outbound.truncated(), handled.intent(), handled.outcome(),
                    handlingMs, false, null));
        }
        return new Exchange(LocalDate.ofInstant(handled.receivedAt(), zone), handled.channel(), handled.readerKey(),
                handled.intent(), handled.outcome(), handled.replies().size(), List.copyOf(interactions), null);
    }

    private static ObjectId idAt(Instant time) {
        return new ObjectId(Date.from(time));
    }
}
