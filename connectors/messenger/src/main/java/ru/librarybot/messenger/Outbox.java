package ru.librarybot.messenger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import ru.librarybot.conversation.Answer;
import ru.librarybot.conversation.Button;
import ru.librarybot.conversation.Channel;
import ru.librarybot.conversation.InboundMessage;
import ru.librarybot.conversation.Reply;
import ru.librarybot.delivery.DeliveryReports;
import ru.librarybot.delivery.Outgoing;

/**
 * Every message to a messenger goes through here: stored first, then sent in order per chat, paced under the
 * platform's limits, retried after "too many requests", server errors and timeouts, and never dropped silently (a
 * message that finally fails is reported with its reason). Stored progress lets a restart finish what was begun.
 */
public class Outbox {

    static final String COLLECTION = "messenger_outbox";
    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    private static final Duration KEPT = Duration.ofDays(7);
    private static final String PENDING = "pending";

    private final MongoTemplate mongo;
    private final Map<Channel, Transport> transports = new EnumMap<>(Channel.class);
    private final DeliveryReports reports;
    private final Retries retries;
    private final Clock clock;
    private final Lanes lanes = new Lanes("outbox");
    // chat -> when it blocked the bot: what was queued before is not tried again, a reply to a new message is
    private final Map<String, Instant> blockedSince = new ConcurrentHashMap<>();

    public Outbox(MongoTemplate mongo, List<Transport> transports, DeliveryReports reports, Retries retries,
                  Clock clock) {
        this.mongo = mongo;
        this.reports = reports;
        this.retries = retries;
        this.clock = clock;
        transports.forEach(transport -> this.transports.put(transport.channel(), transport));
    }

    /** Stores the message and queues it behind whatever its chat is already waiting for. A known id is ignored. */
    public void enqueue(Outgoing message) {
        Transport transport = transports.get(message.channel());
        if (transport == null) {
            throw new IllegalStateException("The " + message.channel().id() + " channel is off");
        }
        Document document = new Document("_id", message.id()).append("channel", message.channel().id())
                .append("readerKey", message.readerKey()).append("chatId", message.chatId())
                .append("purpose", message.purpose()).append("replies", message.replies().stream().map(Outbox::toDocument).toList())
                .append("state", PENDING).append("sent", 0).append("createdAt", Date.from(clock.instant()));
        try {
            mongo.insert(document, COLLECTION);
        } catch (DuplicateKeyException e) {
            log.debug("A {} message was queued before and is not queued again", message.channel().id());
            return;
        }
        queue(message.id(), message.channel(), message.chatId());
    }

    /** Queues the engine's answer to a reader's message for the chat it came from; an empty answer sends nothing. */
    public void enqueueAnswer(String id, String readerKey, InboundMessage message, Answer answer) {
        if (!answer.replies().isEmpty()) {
            enqueue(new Outgoing(id, readerKey, message.channel(), message.chatId(), answer.replies(), "reply"));
        }
    }

    /** Queues what was stored but not fully sent before the last stop. Call once, when the connectors start. */
    public void resume() {
        mongo.remove(Query.query(Criteria.where("state").ne(PENDING).and("createdAt")
                .lt(Date.from(clock.instant().minus(KEPT)))), COLLECTION);
        for (Channel channel : transports.keySet()) {
            List<Document> waiting = mongo.find(Query.query(Criteria.where("channel").is(channel.id())
                    .and("state").is(PENDING)).with(Sort.by("createdAt", "_id")), Document.class, COLLECTION);
            if (!waiting.isEmpty()) {
                log.info("Sending {} {} messages left unsent at the last stop", waiting.size(), channel.id());
            }
            waiting.forEach(document -> queue(document.getString("_id"), channel, document.getString("chatId")));
        }
    }

    /** Whether every queued message has been sent or recorded as failed. */
    public boolean idle() {
        return lanes.idle();
    }

    private void queue(String id, Channel channel, String chatId) {
        lanes.submit(channel.id() + ":" + chatId, () -> deliver(id));
    }

    private void deliver(String id) {
        Document document = mongo.findById(id, Document.class, COLLECTION);
        if (document == null || !PENDING.equals(document.getString("state"))) {
            return;
        }
        Outgoing message = toOutgoing(document);
        Transport transport = transports.get(message.channel());
        Instant blocked = blockedSince.get(lane(message));
        if (blocked != null && document.getDate("createdAt").toInstant().isBefore(blocked)) {
            fail(message, "the reader blocked the bot before this message could be sent");
            return;
        }
        List<Reply> parts = new ArrayList<>();
        message.replies().forEach(reply -> parts.addAll(transport.messages(reply)));
        int sent = document.getInteger("sent", 0);
        try {
            for (int part = sent; part < parts.size(); part++) {
                sendOne(transport, message, parts.get(part), message.id() + "#" + part);
                mongo.updateFirst(idIs(id), new Update().set("sent", part + 1), COLLECTION);
            }
            mongo.updateFirst(idIs(id), new Update().set("state", "sent").set("sentAt", Date.from(clock.instant())),
                    COLLECTION);
        } catch (SendFailure.Blocked e) {
            blockedSince.put(lane(message), clock.instant());
            reports.readerUnreachable(message.readerKey(), e.getMessage());
            fail(message, "the reader is unreachable: " + e.getMessage());
        } catch (SendFailure e) {
            fail(message, e.getMessage());
        } catch (RuntimeException e) {
            log.error("A {} message could not be rendered or sent", message.channel().id(), e);
            fail(message, "the connector failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Stopped while sending a {} message; it is sent on the next start", message.channel().id());
        }
    }

    /** Sends one platform message, waiting out slow-downs and retrying server errors; throws when it gives up. */
    private void sendOne(Transport transport, Outgoing message, Reply part, String sendKey)
            throws SendFailure, InterruptedException {
        int failures = 0;
        int slowDowns = 0;
        boolean group = transport.isGroupChat(message.chatId());
        while (true) {
            transport.pace().acquire(message.chatId(), group);
            try {
                transport.send(message.chatId(), part, sendKey);
                return;
            } catch (SendFailure.SlowDown e) {
                transport.pace().slowDown(message.chatId(), e.retryAfter());
                if (++slowDowns > retries.slowDowns()) {
                    throw new SendFailure.Rejected("still too many requests after " + slowDowns + " waits: "
                            + e.getMessage());
                }
                log.debug("{} asks to slow down for {}", message.channel().id(), e.retryAfter());
            } catch (SendFailure.Transient e) {
                if (++failures >= retries.attempts()) {
                    throw new SendFailure.Rejected("gave up after " + failures + " attempts: " + e.getMessage());
                }
                log.debug("A {} send failed ({}), retrying", message.channel().id(), e.getMessage());
                Thread.sleep(retries.pauseAfter(failures));
            }
        }
    }

    private void fail(Outgoing message, String reason) {
        log.warn("A {} {} message was not delivered: {}", message.channel().id(), message.purpose(), reason);
        reports.failed(message, reason);
        mongo.updateFirst(idIs(message.id()), new Update().set("state", "failed").set("reason", reason), COLLECTION);
    }

    private static String lane(Outgoing message) {
        return message.channel().id() + ":" + message.chatId();
    }

    private static Query idIs(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    private static Document toDocument(Reply reply) {
        List<Document> buttons = reply.buttons().stream()
                .map(button -> new Document("label", button.label()).append("payload", button.payload())).toList();
        return switch (reply) {
            case Reply.Text text -> new Document("type", "text").append("text", text.text()).append("buttons", buttons);
            case Reply.Image image -> new Document("type", "image").append("png", new Binary(image.png()))
                    .append("altText", image.altText()).append("buttons", buttons);
        };
    }

    private static Outgoing toOutgoing(Document document) {
        List<Reply> replies = document.getList("replies", Document.class).stream().map(Outbox::toReply).toList();
        return new Outgoing(document.getString("_id"), document.getString("readerKey"),
                Channel.valueOf(document.getString("channel").toUpperCase(java.util.Locale.ROOT)),
                document.getString("chatId"), replies, document.getString("purpose"));
    }

    private static Reply toReply(Document document) {
        List<Button> buttons = document.getList("buttons", Document.class).stream()
                .map(button -> new Button(button.getString("label"), button.getString("payload"))).toList();
        return switch (document.getString("type")) {
            case "image" -> new Reply.Image(document.get("png", Binary.class).getData(), document.getString("altText"),
                    buttons);
            default -> new Reply.Text(document.getString("text"), buttons);
        };
    }
}
