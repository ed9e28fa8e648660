package ru.librarybot.circulation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.bson.Document;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import ru.librarybot.conversation.Dialogs;
import ru.librarybot.conversation.MessageHandled;
import ru.librarybot.delivery.Delivery;

/**
 * Deletes everything the bot holds about a person who asked to be forgotten: the card link and reader, their
 * dialogs, channel accounts and sent reminders, their reader key on every interaction logged and the statistics'
 * marks of the days they wrote.
 *
 * <p>The engine saves the dialog, records the channel account and queues the log entry of the very message that
 * asked, after it was answered: a marker kept for {@link #SWEEP_FOR} lets those be swept right after the answer
 * and again by the periodic {@link #sweep()}, which also catches the log's late writes.
 */
@Component
public class Forgetting {

    static final String MARKERS = "forgetting";
    static final Duration SWEEP_FOR = Duration.ofMinutes(10);
    // what the engine writes while answering is stamped a moment after the request
    private static final Duration ANSWER_MARGIN = Duration.ofSeconds(30);

    private final MongoTemplate mongo;
    private final Readers readers;
    private final CardLinking linking;
    private final Delivery delivery;
    private final Dialogs dialogs;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Set<String> answering = ConcurrentHashMap.newKeySet();

    Forgetting(MongoTemplate mongo, Readers readers, CardLinking linking, Delivery delivery, Dialogs dialogs,
               ApplicationEventPublisher events, Clock clock) {
        this.mongo = mongo;
        this.delivery = delivery;
        this.dialogs = dialogs;
        this.readers = readers;
        this.linking = linking;
        this.events = events;
        this.clock = clock;
    }

    /** Forgets the person behind this channel account, and all their other linked accounts. */
    void forget(String readerKey) {
        Instant now = clock.instant();
        List<String> keys = new ArrayList<>(List.of(readerKey));
        readers.byReaderKey(readerKey).ifPresent(reader -> {
            reader.readerKeys().stream().filter(key -> !keys.contains(key)).forEach(keys::add);
            readers.delete(reader);
            mongo.remove(Query.query(Criteria.where("_id").regex("^" + Pattern.quote(reader.id() + "|"))),
                    "reminders_sent");
        });
        mongo.remove(Query.query(Criteria.where("_id").in(keys)), Readers.LINKS);
        mongo.remove(Query.query(Criteria.where("_id").in(keys)), CardLinking.PENDING);
        for (String key : keys) {
            mongo.upsert(Query.query(Criteria.where("_id").is(key)), new Update()
                    .set("until", Date.from(now.plus(SWEEP_FOR))).set("answeredBy", Date.from(now.plus(ANSWER_MARGIN))),
                    MARKERS);
            sweep(key, now.plus(ANSWER_MARGIN));
        }
        answering.add(readerKey);
        events.publishEvent(new ReaderForgotten(keys));
    }

    /** Sweeps again what answering the forget request wrote. */
    @EventListener
    @Order(Ordered.LOWEST_PRECEDENCE)
    void on(MessageHandled handled) {
        if (answering.remove(handled.readerKey())) {
            sweep(handled.readerKey(), clock.instant().plus(ANSWER_MARGIN));
        }
    }

    /**
     * Sweeps every account forgotten within {@link #SWEEP_FOR}, then drops the markers of older ones; also drops
     * card linkings readers abandoned, with the card numbers they typed.
     */
    public int sweep() {
        Instant now = clock.instant();
        linking.sweep();
        int swept = 0;
        for (Document marker : mongo.findAll(Document.class, MARKERS)) {
            sweep(marker.getString("_id"), marker.getDate("answeredBy").toInstant());
            swept++;
        }
        mongo.remove(Query.query(Criteria.where("until").lte(Date.from(now))), MARKERS);
        return swept;
    }

    private void sweep(String readerKey, Instant answeredBy) {
        dialogs.forget(readerKey, answeredBy);
        delivery.forget(readerKey, answeredBy);
        // a scan of the log, acceptable for this rare request
        mongo.updateMulti(Query.query(Criteria.where("readerKey").is(readerKey)), new Update().unset("readerKey"),
                "interactions");
        // the statistics' marks of the days the reader wrote, kept by day|readerKey for a few days
        mongo.remove(Query.query(Criteria.where("_id").regex("\\|" + Pattern.quote(readerKey) + "$")), "daily_readers");
    }
}
