package ru.librarybot.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Deletes logged messages older than the configured retention, and the per-reader day markers once their day
 * can no longer get messages. The store has no TTL indexes everywhere, so a nightly job calls this.
 */
public class InteractionLogRetention {

    /** Markers of today and the two days before stay: a late batch can still count a reader for yesterday. */
    static final int READER_DAYS_KEPT = 3;

    private final MongoTemplate mongo;
    private final Duration retention;
    private final ZoneId zone;
    private final Clock clock;

    InteractionLogRetention(MongoTemplate mongo, Duration retention, ZoneId zone, Clock clock) {
        this.mongo = mongo;
        this.retention = retention;
        this.zone = zone;
        this.clock = clock;
    }

    public Purged purge() {
        Instant now = clock.instant();
        long interactions = mongo.remove(Query.query(Criteria.where("_id").lt(Interaction.firstIdAt(now.minus(retention)))),
                Interaction.COLLECTION).getDeletedCount();
        LocalDate firstKept = LocalDate.ofInstant(now, zone).minusDays(READER_DAYS_KEPT - 1);
        long readerDays = mongo.remove(Query.query(Criteria.where("_id").lt(firstKept.toString())),
                DailyRollups.READERS).getDeletedCount();
        return new Purged(interactions, readerDays);
    }

    /** How many documents one purge deleted. */
    public record Purged(long interactions, long readerDays) {
    }
}
