package ru.librarybot.analytics;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import ru.librarybot.conversation.Channel;
import ru.librarybot.conversation.Intent;
import ru.librarybot.conversation.Outcome;

/**
 * Daily counters kept by {@code $inc} upserts on {@code _id}, so statistics never scan the interaction log.
 * <ul>
 *   <li>{@code daily_stats}: messages per day × channel × intent × outcome;</li>
 *   <li>{@code daily_totals}: messages in and out and unique readers per day × channel, and per day over all
 *       channels ({@code day|all});</li>
 *   <li>{@code daily_readers}: one document per reader and day, only to tell a reader's first message that day.</li>
 * </ul>
 * Over all channels a reader who linked a card on Telegram and on VK is one person, counted once.
 */
class DailyRollups {

    static final String STATS = "daily_stats";
    static final String TOTALS = "daily_totals";
    static final String READERS = "daily_readers";
    static final String ALL_CHANNELS = "all";

    private final MongoTemplate mongo;
    private final UnaryOperator<String> person;
    /** Reader marks this instance wrote or found, per day: a reader's later messages that day cost no round trip. */
    private final Map<LocalDate, Set<String>> markedHere = new ConcurrentHashMap<>();

    /** Every channel account is its own person: for a library with no cards linked. */
    DailyRollups(MongoTemplate mongo) {
        this(mongo, UnaryOperator.identity());
    }

    /** @param person the person behind a reader key, the same for all their linked channel accounts */
    DailyRollups(MongoTemplate mongo, UnaryOperator<String> person) {
        this.mongo = mongo;
        this.person = person;
    }

    /** Adds a batch of handled messages to the counters, summed per document first to save round trips. */
    void count(List<Exchange> batch) {
        Map<StatsKey, Long> messages = new LinkedHashMap<>();
        Map<TotalsKey, Totals> totals = new LinkedHashMap<>();
        Set<ReaderDay> readers = new LinkedHashSet<>();
        for (Exchange exchange : batch) {
            if (exchange.startedByLibrary()) {
                for (TotalsKey key : TotalsKey.of(exchange.day(), exchange.channel())) {
                    totals.computeIfAbsent(key, k -> new Totals()).addStarted(exchange);
                }
                continue;
            }
            messages.merge(new StatsKey(exchange.day(), exchange.channel(), exchange.intent(), exchange.outcome()),
                    1L, Long::sum);
            for (TotalsKey key : TotalsKey.of(exchange.day(), exchange.channel())) {
                totals.computeIfAbsent(key, k -> new Totals()).add(exchange);
            }
            readers.add(new ReaderDay(exchange.day(), exchange.channel(), exchange.readerKey()));
        }
        Set<String> peopleCounted = new HashSet<>();
        for (ReaderDay reader : readers) {
            String channelMark = reader.day() + "|" + reader.readerKey();
            if (!markedHere.computeIfAbsent(reader.day(), d -> ConcurrentHashMap.newKeySet()).add(channelMark)) {
                // this instance has counted the reader that day already: no need to ask the store again
                continue;
            }
            if (firstTimeThatDay(channelMark, reader.day())) {
                totals.get(new TotalsKey(reader.day(), reader.channel().id())).newReaders++;
            }
            String allChannels = reader.day() + "|" + ALL_CHANNELS + "|" + person.apply(reader.readerKey());
            if (peopleCounted.add(allChannels) && firstTimeThatDay(allChannels, reader.day())) {
                totals.get(new TotalsKey(reader.day(), ALL_CHANNELS)).newReaders++;
            }
        }
        LocalDate oldest = readers.stream().map(ReaderDay::day).min(LocalDate::compareTo).orElse(null);
        if (oldest != null) {
            markedHere.keySet().removeIf(day -> day.isBefore(oldest.minusDays(1)));
        }
        messages.forEach((key, count) -> mongo.upsert(byId(key.id()), new Update()
                .setOnInsert("day", key.day().toString())
                .setOnInsert("channel", key.channel().id())
                .setOnInsert("intent", key.intent().name())
                .setOnInsert("outcome", key.outcome().name())
                .inc("messages", count), STATS));
        totals.forEach((key, sums) -> mongo.upsert(byId(key.id()), new Update()
                .setOnInsert("day", key.day().toString())
                .setOnInsert("channel", key.channel())
                .inc("messagesIn", sums.in)
                .inc("messagesOut", sums.out)
                .inc("uniqueReaders", sums.newReaders)
                .inc("libraryMessages", sums.started), TOTALS));
    }

    private boolean firstTimeThatDay(String mark, LocalDate day) {
        return mongo.upsert(byId(mark), new Update().setOnInsert("day", day.toString()), READERS)
                .getUpsertedId() != null;
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    record StatsKey(LocalDate day, Channel channel, Intent intent, Outcome outcome) {
        String id() {
            return day + "|" + channel.id() + "|" + intent.name() + "|" + outcome.name();
        }
    }

    record TotalsKey(LocalDate day, String channel) {
        static List<TotalsKey> of(LocalDate day, Channel channel) {
            return List.of(new TotalsKey(day, channel.id()), new TotalsKey(day, ALL_CHANNELS));
        }

        String id() {
            return day + "|" + channel;
        }
    }

    private record ReaderDay(LocalDate day, Channel channel, String readerKey) {
    }

    private static final class Totals {
        long in;
        long out;
        long newReaders;
        long started;

        void add(Exchange exchange) {
            in++;
            out += exchange.repliesSent();
        }

        /** The library's own messages are outbound too, and counted apart so managers see reminders sent. */
        void addStarted(Exchange exchange) {
            out += exchange.repliesSent();
            started++;
        }
    }
}
