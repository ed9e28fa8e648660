package ru.librarybot.catalog;

import java.time.Clock;
import java.util.Date;
import java.util.Optional;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Each reader's last book query, so "more results" works from a short button payload, after a restart too. */
public class LastSearches {

    static final String COLLECTION = "catalog_searches";

    private final MongoTemplate mongo;
    private final Clock clock;

    public LastSearches(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public void remember(String readerKey, String query) {
        mongo.getCollection(COLLECTION).replaceOne(Filters.eq("_id", readerKey),
                new Document("_id", readerKey).append("query", query).append("at", Date.from(clock.instant())),
                new ReplaceOptions().upsert(true));
    }

    public Optional<String> last(String readerKey) {
        Document doc = mongo.getCollection(COLLECTION).find(Filters.eq("_id", readerKey)).first();
        return Optional.ofNullable(doc).map(d -> d.getString("query"));
    }
}
