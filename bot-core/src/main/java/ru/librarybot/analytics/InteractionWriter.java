package ru.librarybot.analytics;

import java.util.List;

import com.mongodb.MongoException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Writes a batch of handled messages to the log and the daily counters. A failing store costs those records,
 * counted and logged, and never reaches a reader.
 */
class InteractionWriter {

    private static final Logger log = LoggerFactory.getLogger(InteractionWriter.class);

    private final MongoTemplate mongo;
    private final DailyRollups rollups;
    private final Counter logFailures;
    private final Counter statisticsFailures;

    InteractionWriter(MongoTemplate mongo, DailyRollups rollups, MeterRegistry meters) {
        this.mongo = mongo;
        this.rollups = rollups;
        this.logFailures = failures(meters, "log");
        this.statisticsFailures = failures(meters, "statistics");
    }

    void write(List<Exchange> batch) {
        List<Document> interactions = batch.stream()
                .flatMap(exchange -> exchange.interactions().stream())
                .map(Interaction::toDocument)
                .toList();
        try {
            mongo.insert(interactions, Interaction.COLLECTION);
        } catch (RuntimeException e) {
            logFailures.increment(batch.size());
            // the exception's message may quote a document, so only its kind is logged
            log.warn("Lost {} reader messages from the interaction log: the store failed ({})", batch.size(),
                    describe(e));
        }
        try {
            rollups.count(batch);
        } catch (RuntimeException e) {
            statisticsFailures.increment(batch.size());
            log.warn("Lost {} reader messages from the daily statistics: the store failed ({})", batch.size(),
                    describe(e));
        }
    }

    private static Counter failures(MeterRegistry meters, String target) {
        return Counter.builder("librarybot.log.write.failures")
                .description("Handled reader messages the store failed to take into the log or the statistics")
                .tag("target", target)
                .register(meters);
    }

    /** The kinds of an exception and its causes, e.g. "DataAccessResourceFailureException <- MongoTimeoutException". */
    static String describe(Throwable e) {
        StringBuilder kinds = new StringBuilder();
        for (Throwable cause = e; cause != null && kinds.length() < 300; cause = cause.getCause()) {
            if (!kinds.isEmpty()) {
                kinds.append(" <- ");
            }
            kinds.append(cause.getClass().getSimpleName());
            if (cause instanceof MongoException mongoError) {
                kinds.append(" code ").append(mongoError.getCode());
            }
        }
        return kinds.toString();
    }
}
