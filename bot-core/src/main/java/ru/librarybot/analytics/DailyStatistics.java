package ru.librarybot.analytics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import ru.librarybot.conversation.Channel;
import ru.librarybot.conversation.Intent;
import ru.librarybot.conversation.Outcome;

/** Reads the daily rollups by {@code _id} ranges; the interaction log itself is never scanned. */
public class DailyStatistics {

    /** Ten years of days: more than any report asks for, and a bound on what one request reads. */
    static final long MAX_DAYS = 3_660;

    private final MongoTemplate mongo;

    DailyStatistics(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Every day from {@code from} to {@code to}, both included, quiet days with zeros, in date order. */
    public List<DayFigures> between(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The period ends (" + to + ") before it starts (" + from + ")");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_DAYS) {
            throw new IllegalArgumentException("A period of " + days + " days is longer than the " + MAX_DAYS
                    + " days statistics are read for at once");
        }
        // ids start with the ISO day, so "from" <= id < "the day after to" selects exactly the period
        Query period = Query.query(Criteria.where("_id").gte(from.toString()).lt(to.plusDays(1).toString()));
        Map<LocalDate, DayFigures.Totals> totals = new HashMap<>();
        Map<LocalDate, Map<Channel, DayFigures.Totals>> channels = new HashMap<>();
        for (Document row : mongo.find(period, Document.class, DailyRollups.TOTALS)) {
            LocalDate day = LocalDate.parse(row.getString("day"));
            DayFigures.Totals figures = new DayFigures.Totals(number(row, "messagesIn"), number(row, "messagesOut"),
                    number(row, "uniqueReaders"));
            String channel = row.getString("channel");
            if (DailyRollups.ALL_CHANNELS.equals(channel)) {
                totals.put(day, figures);
            } else {
                channels.computeIfAbsent(day, d -> new EnumMap<>(Channel.class)).put(channel(channel), figures);
            }
        }
        Map<LocalDate, List<DayFigures.Count>> counts = new HashMap<>();
        for (Document row : mongo.find(period, Document.class, DailyRollups.STATS)) {
            counts.computeIfAbsent(LocalDate.parse(row.getString("day")), d -> new ArrayList<>()).add(
                    new DayFigures.Count(channel(row.getString("channel")), Intent.valueOf(row.getString("intent")),
                            Outcome.valueOf(row.getString("outcome")), number(row, "messages")));
        }
        List<DayFigures> figures = new ArrayList<>((int) days);
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            figures.add(new DayFigures(day, totals.getOrDefault(day, DayFigures.Totals.NONE),
                    channels.getOrDefault(day, Map.of()), counts.getOrDefault(day, List.of())));
        }
        return figures;
    }

    private static Channel channel(String id) {
        return Channel.valueOf(id.toUpperCase(Locale.ROOT));
    }

    private static long number(Document row, String field) {
        Object value = row.get(field);
        return value instanceof Number number ? number.longValue() : 0;
    }
}
