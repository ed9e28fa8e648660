package ru.librarybot.conversation;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One reader's conversation state on one channel account, kept in Mongo under the reader key so a multi-step
 * flow survives a restart.
 */
@Document("dialogs")
public record Dialog(@Id String readerKey, Awaiting awaiting, Instant updatedAt) {

    public static Dialog start(String readerKey) {
        return new Dialog(readerKey, null, Instant.EPOCH);
    }

    /** Whether the bot asked the reader something after {@code since} and still expects the answer. */
    public boolean isAwaiting(Instant since) {
        return awaiting != null && updatedAt.isAfter(since);
    }

    Dialog after(Awaiting next, Instant at) {
        return new Dialog(readerKey, next, at);
    }
}
