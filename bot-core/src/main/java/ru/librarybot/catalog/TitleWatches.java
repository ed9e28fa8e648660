package ru.librarybot.catalog;

import java.time.Clock;
import java.util.Date;
import java.util.List;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Readers waiting for a copy of a title: one document per title ({@code _id} = title id) listing the reader keys,
 * so an import checks a title with a single lookup by {@code _id}.
 */
public class TitleWatches {

    static final String COLLECTION = "catalog_watches";

    private final MongoTemplate mongo;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public TitleWatches(MongoTemplate mongo, ApplicationEventPublisher events, Clock clock) {
        this.mongo = mongo;
        this.events = events;
        this.clock = clock;
    }

    /** Remembers that this reader waits for the title; asking twice keeps one entry. */
    public void watch(String readerKey, Title title) {
        mongo.getCollection(COLLECTION).updateOne(Filters.eq("_id", title.id()),
                Updates.combine(Updates.addToSet("readers", readerKey),
                        Updates.setOnInsert("title", title.title()),
                        Updates.setOnInsert("since", Date.from(clock.instant()))),
                new UpdateOptions().upsert(true));
    }

    public boolean isWatching(String readerKey, String titleId) {
        Document doc = mongo.getCollection(COLLECTION).find(Filters.eq("_id", titleId)).first();
        return doc != null && doc.getList("readers", String.class, List.of()).contains(readerKey);
    }

    /** Tells every reader waiting for this title that a copy is free, once: the watch is used up. */
    void availableAgain(Title title) {
        Document watch = mongo.getCollection(COLLECTION).findOneAndDelete(Filters.eq("_id", title.id()));
        if (watch == null) {
            return;
        }
        String branch = title.availability().stream().filter(BranchAvailability::hasFree)
                .map(BranchAvailability::branchId).findFirst().orElse(null);
        for (String reader : watch.getList("readers", String.class, List.of())) {
            events.publishEvent(new TitleAvailableAgain(reader, title.id(), title.title(), branch));
        }
    }
}
