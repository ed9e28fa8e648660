package ru.librarybot.analytics;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.librarybot.conversation.ErrorSummary;

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
                    ErrorSummary.of(e));
        }
        try {
            rollups.count(batch);
        } catch (RuntimeException e) {
            statisticsFailures.increment(batch.size());
            log.warn("Lost {} reader messages from the daily statistics: the store failed ({})", batch.size(),
                    ErrorSummary.of(e));
        }
    }

    private static Counter failures(MeterRegistry meters, String target) {
        return Counter.builder("librarybot.log.write.failures")
                .description("Handled reader messages the store failed to take into the log or the statistics")
                .tag("target", target)
                .register(meters);
    }
}
