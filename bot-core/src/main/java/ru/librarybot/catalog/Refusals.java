package ru.librarybot.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Every search that found no copy a reader could take today: what libraries read to decide what to buy. One
 * document per refusal, and a daily rollup counted with {@code $inc} so the numbers need no aggregation. No reader
 * identity is kept: the question is what was wanted, not who wanted it.
 */
public class Refusals {

    static final String COLLECTION = "refusals";
    static final String DAILY = "refusal_stats";

    /** Why the reader went without. */
    public enum Kind {
        /** Nothing in the catalog matched the query. */
        NOT_IN_CATALOG,
        /** The best match is held, but no copy is free now. */
        NO_FREE_COPY
    }

    private final MongoTemplate mongo;
    private final Clock clock;

    public Refusals(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * @param bestMatch the title the search put first, or {@code null} when nothing matched
     */
    public void record(String query, Title bestMatch) {
        Kind kind = bestMatch == null ? Kind.NOT_IN_CATALOG : Kind.NO_FREE_COPY;
        Document refusal = new Document("at", Date.from(clock.instant())).append("query", query)
                .append("kind", kind.name());
        if (bestMatch != null) {
            refusal.append("bestMatch", new Document("titleId", bestMatch.id()).append("title", bestMatch.title())
                    .append("author", bestMatch.firstAuthor()));
            List<String> branches = bestMatch.availability().stream().map(BranchAvailability::branchId).toList();
            refusal.append("branches", branches);
        } else {
            refusal.append("branches", List.of());
        }
        mongo.getCollection(COLLECTION).insertOne(refusal);
        String day = LocalDate.now(clock).toString();
        mongo.getCollection(DAILY).updateOne(Filters.eq("_id", day),
                Updates.combine(Updates.inc("total", 1), Updates.inc(kind == Kind.NOT_IN_CATALOG
                        ? "notInCatalog" : "noFreeCopy", 1)),
                new UpdateOptions().upsert(true));
    }
}
