package ru.librarybot.messenger;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import ru.librarybot.conversation.Channel;
import ru.librarybot.conversation.ErrorSummary;

/**
 * Platform updates, stored under the platform's own id before they are confirmed to the platform and handled from
 * here: a redelivered update is recognised and dropped, one received just before the process died is handled on
 * the next start, and one whose handling fails is tried again after growing pauses, its chat's later updates
 * waiting behind it, until it is recorded as failed.
 */
public class Inbox {

    static final String COLLECTION = "messenger_inbox";
    // a store hiccup passes in seconds, a database restart in minutes; past ~13 min in all a person must look instead
    static final List<Duration> PAUSES = List.of(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30),
            Duration.ofMinutes(2), Duration.ofMinutes(10));
    private static final Logger log = LoggerFactory.getLogger(Inbox.class);
    private static final Duration KEPT = Duration.ofDays(7);
    private static final String RECEIVED = "received";
    private static final String HANDLED = "handled";
    private static final String FAILED = "failed";

    private final MongoTemplate mongo;
    private final Map<Channel, UpdateHandler> handlers = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> failures = new EnumMap<>(Channel.class);
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final List<Duration> pauses;
    private final Lanes lanes = new Lanes("inbox");
    private final AtomicLong accepted = new AtomicLong();

    public Inbox(MongoTemplate mongo, List<UpdateHandler> handlers, Clock clock, MeterRegistry meters,
                 ApplicationEventPublisher events) {
        this(mongo, handlers, clock, meters, events, PAUSES);
    }

    /** @param pauses the pauses between attempts to handle an update: after the last one it is recorded as failed */
    Inbox(MongoTemplate mongo, List<UpdateHandler> handlers, Clock clock, MeterRegistry meters,
          ApplicationEventPublisher events, List<Duration> pauses) {
        this.mongo = mongo;
        this.events = events;
        this.clock = clock;
        this.pauses = List.copyOf(pauses);
        handlers.forEach(handler -> {
            this.handlers.put(handler.channel(), handler);
            failures.put(handler.channel(), Counter.builder("librarybot.inbox.failed")
                    .description("Platform updates given up on after every attempt to handle them failed")
                    .tag("channel", handler.channel().id())
                    .register(meters));
        });
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
                    .append("receivedAt", Date.from(entry.receivedAt())), COLLECTION);
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

    /**
     * Queues what was stored but not handled before the last stop, including updates that were waiting to be tried
     * again; they keep the attempts already made. Call once, when the connectors start.
     */
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

    /** Whether every accepted update has been handled or given up on; one waiting to be tried again is not. */
    public boolean idle() {
        return lanes.idle();
    }

    /** Stops trying again: updates still waiting for another attempt stay received, for the next start. */
    public void close() {
        lanes.close();
    }

    private void queue(InboxEntry entry) {
        UpdateHandler handler = handlers.get(entry.channel());
        if (handler == null) {
            log.warn("No handler for {} updates: one stays in the inbox", entry.channel().id());
            return;
        }
        lanes.submitUntilDone(entry.channel().id() + ":" + entry.lane(), new Handling(handler, entry));
    }

    private void forgetOldUpdates() {
        Date before = Date.from(clock.instant().minus(KEPT));
        mongo.remove(Query.query(new Criteria().orOperator(
                Criteria.where("state").is(HANDLED).and("handledAt").lt(before),
                Criteria.where("state").is(FAILED).and("failedAt").lt(before))), COLLECTION);
    }

    private Date now() {
        return Date.from(clock.instant());
    }

    private static Query idIs(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    private static String key(Channel channel, String updateId) {
        return channel.id() + ":" + updateId;
    }

    private static String shown(Duration pause) {
        return pause.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    /** One update's way through its lane: run again after each failure, until handled or given up on. */
    private final class Handling implements Supplier<Optional<Duration>> {

        private final UpdateHandler handler;
        private final InboxEntry entry;
        private int attempts;
        // handled, but not yet recorded so: only the record is tried again, the reader is not answered twice
        private boolean answered;

        Handling(UpdateHandler handler, InboxEntry entry) {
            this.handler = handler;
            this.entry = entry;
        }

        @Override
        public Optional<Duration> get() {
            try {
                if (!answered) {
                    // queued twice (resumed at start while also just received): only the first run handles it
                    Document stored = mongo.findById(entry.id(), Document.class, COLLECTION);
                    if (stored == null || !RECEIVED.equals(stored.getString("state"))) {
                        return Optional.empty();
                    }
                    attempts = Math.max(attempts, stored.getInteger("attempts", 0));
                    handler.handle(entry);
                    answered = true;
                }
                mongo.updateFirst(idIs(entry.id()), new Update().set("state", HANDLED).set("handledAt", now()),
                        COLLECTION);
                return Optional.empty();
            } catch (RuntimeException e) {
                return failed(ErrorSummary.of(e));
            }
        }

        private Optional<Duration> failed(String error) {
            attempts++;
            if (attempts > pauses.size()) {
                giveUp(error);
                return Optional.empty();
            }
            Duration pause = pauses.get(attempts - 1);
            record(new Update().set("attempts", attempts).set("lastError", error).set("lastAttemptAt", now())
                    .set("nextAttemptAt", Date.from(clock.instant().plus(pause))));
            log.warn("Attempt {} of {} to handle {} update {} failed ({}); trying again in {}", attempts,
                    pauses.size() + 1, entry.channel().id(), updateId(), error, shown(pause));
            return Optional.of(pause);
        }

        private void giveUp(String error) {
            if (answered) {
                log.warn("A {} update {} was handled, but the inbox could not record it after {} attempts ({}); "
                        + "the next start handles it again", entry.channel().id(), updateId(), attempts, error);
                return;
            }
            failures.get(entry.channel()).increment();
            boolean recorded = record(new Update().set("state", FAILED).set("attempts", attempts)
                    .set("lastError", error).set("lastAttemptAt", now()).set("failedAt", now())
                    .unset("nextAttemptAt"));
            String kept = recorded
                    ? "It is kept as failed in " + COLLECTION + " (_id " + entry.id() + ") and not tried again."
                    : "The store failed too, so the next start tries it again.";
            log.error("Gave up on {} update {} after {} attempts (last error: {}): it was not handled, a reader may be "
                    + "waiting for an answer. {}", entry.channel().id(), updateId(), attempts, error, kept);
            if (recorded) {
                // not when the store failed too: the next start tries the update again
                events.publishEvent(new UpdateGivenUp(entry.channel(), updateId(),
                        "other".equals(entry.lane()) ? null : entry.lane()));
            }
        }

        /** Best effort: a store that cannot take it is failing already, as the log line that follows says. */
        private boolean record(Update update) {
            try {
                mongo.updateFirst(idIs(entry.id()), update, COLLECTION);
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        }

        private String updateId() {
            return entry.id().substring(entry.channel().id().length() + 1);
        }
    }
}
