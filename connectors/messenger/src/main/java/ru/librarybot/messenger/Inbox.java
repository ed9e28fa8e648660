package ru.librarybot.messenger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import ru.librarybot.conversation.Channel;

/**
 * Platform updates, stored under the platform's own id before they are confirmed to the platform and handled from
 * here: a redelivered update is recognised and dropped, and one received just before the process died is handled
 * on the next start.
 */
public class Inbox {

    static final String COLLECTION = "messenger_inbox";
    private static final Logger log = LoggerFactory.getLogger(Inbox.class);
    private static final Duration KEPT = Duration.ofDays(7);
    private static final String RECEIVED = "received";
    private static final String HANDLED = "handled";

    private final MongoTemplate mongo;
    private final Map<Channel, UpdateHandler> handlers = new EnumMap<>(Channel.class);
    private final Clock clock;
    private final Lanes lanes = new Lanes("inbox");
    private final AtomicLong accepted = new AtomicLong();

    public Inbox(MongoTemplate mongo, List<UpdateHandler> handlers, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        handlers.forEach(handler -> this.handlers.put(handler.channel(), handler));
    }

    /**
     * Stores an update and queues it for handling. Returns {@code false} for one already stored (a redelivery).
     * Throws when it could not be stored: the caller must then not confirm it to the platform.
     */
    public boolean accept(Channel channel, String updateId, String lane, String payload) {
        InboxEntry entry = new InboxEntry(key(channel, updateId), channel, lane, payload, clock.instant());
        try {
            mongo.insert(new Document("_id", entry.id()).append("channel", channel.id()).append("lane", lane)
                    .append("payload", payload).append("state", RECEIVED)
                    .append("receivedAt", java.util.Date.from(entry.receivedAt())), COLLECTION);
        } catch (DuplicateKeyException e) {
            log.debug("A {} update was delivered again and is dropped", channel.id());
            return false;
        }
        if (accepted.incrementAndGet() % 10_000 == 0) {
            forgetOldUpdates();
        }
        queue(entry);
        return true;
    }

    /** Queues what was stored but not handled before the last stop. Call once, when the connectors start. */
    public void resume() {
        forgetOldUpdates();
        for (Channel channel : handlers.keySet()) {
            List<Document> waiting = mongo.find(Query.query(Criteria.where("channel").is(channel.id())
                            .and("state").is(RECEIVED)).with(Sort.by("receivedAt", "_id")), Document.class, COLLECTION);
            if (!waiting.isEmpty()) {
                log.info("Handling {} {} updates received before the last stop", waiting.size(), channel.id());
            }
            waiting.forEach(document -> queue(new InboxEntry(document.getString("_id"), channel,
                    document.getString("lane"), document.getString("payload"),
                    document.getDate("receivedAt").toInstant())));
        }
    }

    /** Whether every accepted update has been handled (or given up on until the next start). */
    public boolean idle() {
        return lanes.idle();
    }

    private void queue(InboxEntry entry) {
        UpdateHandler handler = handlers.get(entry.channel());
        if (handler == null) {
            log.warn("No handler for {} updates: one stays in the inbox", entry.channel().id());
            return;
        }
        lanes.submit(entry.channel().id() + ":" + entry.lane(), () -> handle(handler, entry));
    }

    private void handle(UpdateHandler handler, InboxEntry entry) {
        // queued twice (resumed at start while also just received) runs twice in its lane: only the first handles
        Document stored = mongo.findById(entry.id(), Document.class, COLLECTION);
        if (stored == null || !RECEIVED.equals(stored.getString("state"))) {
            return;
        }
        try {
            handler.handle(entry);
        } catch (RuntimeException e) {
            log.error("A {} update could not be handled; it stays in the inbox for the next start",
                    entry.channel().id(), e);
            return;
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(entry.id())),
                new Update().set("state", HANDLED).set("handledAt", java.util.Date.from(clock.instant())), COLLECTION);
    }

    private void forgetOldUpdates() {
        Instant before = clock.instant().minus(KEPT);
        mongo.remove(Query.query(Criteria.where("state").is(HANDLED).and("handledAt").lt(java.util.Date.from(before))),
                COLLECTION);
    }

    private static String key(Channel channel, String updateId) {
        return channel.id() + ":" + updateId;
    }
}
