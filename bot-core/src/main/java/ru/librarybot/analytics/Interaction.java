package ru.librarybot.analytics;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.bson.types.ObjectId;

import ru.librarybot.conversation.Channel;
import ru.librarybot.conversation.Intent;
import ru.librarybot.conversation.Outcome;

/**
 * One message in the interaction log: a reader's message (IN) or one of the bot's replies (OUT).
 *
 * @param id carries {@code time} in its timestamp, so retention deletes by an {@code _id} range
 * @param readerKey pseudonymous; never the platform id
 * @param text masked and bounded, see {@link LoggedText}
 * @param pressed whether the reader pressed a button rather than typed (IN only)
 * @param intent what the reader asked for; {@code null} for a message the library started
 * @param purpose what a message the library started was for ("reminder"); {@code null} for replies
 */
public record Interaction(ObjectId id, Instant time, Channel channel, String readerKey, Direction direction,
                          String text, boolean truncated, Intent intent, Outcome outcome, long handlingMs,
                          boolean pressed, String purpose) {

    public static final String COLLECTION = "interactions";

    /** The smallest id a document logged at {@code time} can have: everything below it is older. */
    static ObjectId firstIdAt(Instant time) {
        return new ObjectId(String.format("%08x", time.getEpochSecond()) + "0".repeat(16));
    }

    /** Written by hand rather than mapped, so millions of log documents carry no Java class name. */
    Document toDocument() {
        return new Document("_id", id)
                .append("time", Date.from(time))
                .append("channel", channel.id())
                .append("readerKey", readerKey)
                .append("direction", direction.name())
                .append("text", text)
                .append("truncated", truncated)
                .append("intent", intent == null ? null : intent.name())
                .append("outcome", outcome == null ? null : outcome.name())
                .append("handlingMs", handlingMs)
                .append("pressed", pressed)
                .append("purpose", purpose);
    }
}
