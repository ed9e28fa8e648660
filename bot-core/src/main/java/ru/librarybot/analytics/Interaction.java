package ru.librarybot.analytics;

import java.time.Instant;

import org.bson.types.ObjectId;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

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
 */
@Document(Interaction.COLLECTION)
public record Interaction(@Id ObjectId id, Instant time, Channel channel, String readerKey, Direction direction,
                          String text, boolean truncated, Intent intent, Outcome outcome, long handlingMs,
                          boolean pressed) {

    public static final String COLLECTION = "interactions";

    /** The smallest id a document logged at {@code time} can have: everything below it is older. */
    static ObjectId firstIdAt(Instant time) {
        return new ObjectId(String.format("%08x", time.getEpochSecond()) + "0".repeat(16));
    }
}
