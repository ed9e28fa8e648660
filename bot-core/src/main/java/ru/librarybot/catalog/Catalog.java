package ru.librarybot.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The catalog's source of truth: one Mongo document per title, its copies inside it, found by {@code _id} only so
 * it works the same on MongoDB and the embedded store.
 */
public class Catalog {

    static final String COLLECTION = "titles";
    private static final int PAGE = 1_000;

    private final MongoTemplate mongo;
    private final Clock clock;

    public Catalog(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public Optional<Title> find(String id) {
        Document doc = titles().find(Filters.eq("_id", id)).first();
        return Optional.ofNullable(doc).map(Catalog::toTitle);
    }

    /** The titles with these ids that exist, keyed by id. */
    public Map<String, Title> findAll(Collection<String> ids) {
        Map<String, Title> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        for (Document doc : titles().find(Filters.in("_id", ids))) {
            Title title = toTitle(doc);
            found.put(title.id(), title);
        }
        return found;
    }

    /** Inserts new titles and replaces existing ones whole: a re-imported record never duplicates. */
    public void saveAll(List<Title> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Date now = Date.from(clock.instant());
        List<WriteModel<Document>> writes = new ArrayList<>(batch.size());
        for (Title title : batch) {
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", title.id()), toDocument(title, now),
                    new ReplaceOptions().upsert(true)));
        }
        titles().bulkWrite(writes);
    }

    public void save(Title title) {
        saveAll(List.of(title));
    }

    /**
     * From the collection's metadata: counting documents makes the embedded store read every title into the heap,
     * which at 100,000 titles no longer fits in 1 GB.
     */
    public long count() {
        return titles().estimatedDocumentCount();
    }

    public boolean isEmpty() {
        return titles().find().limit(1).first() == null;
    }

    /**
     * Walks every title without holding them all in memory. The embedded store gathers a query's whole answer
     * before the first batch, so only the ids are listed in one query and the titles come a page at a time by id.
     */
    public void forEach(Consumer<Title> action) {
        List<Object> page = new ArrayList<>(PAGE);
        for (Document id : titles().find().projection(Projections.include("_id")).batchSize(PAGE)) {
            page.add(id.get("_id"));
            if (page.size() == PAGE) {
                readPage(page, action);
                page.clear();
            }
        }
        readPage(page, action);
    }

    private void readPage(List<Object> ids, Consumer<Title> action) {
        if (!ids.isEmpty()) {
            for (Document doc : titles().find(Filters.in("_id", ids)).batchSize(PAGE)) {
                action.accept(toTitle(doc));
            }
        }
    }

    private MongoCollection<Document> titles() {
        return mongo.getCollection(COLLECTION);
    }

    static Document toDocument(Title title, Date updatedAt) {
        Document doc = new Document("_id", title.id()).append("title", title.title());
        putIfPresent(doc, "otherTitleInfo", title.otherTitleInfo());
        putIfPresent(doc, "statement", title.statement());
        doc.append("authors", title.authors());
        putIfPresent(doc, "year", title.year());
        putIfPresent(doc, "publisher", title.publisher());
        doc.append("isbns", title.isbns()).append("subjects", title.subjects());
        putIfPresent(doc, "series", title.series());
        putIfPresent(doc, "ageRating", title.ageRating());
        putIfPresent(doc, "language", title.language());
        putIfPresent(doc, "source", title.source());
        List<Document> copies = new ArrayList<>(title.copies().size());
        for (Copy copy : title.copies()) {
            Document c = new Document("branch", copy.branchId()).append("state", copy.state().name());
            putIfPresent(c, "location", copy.location());
            putIfPresent(c, "barcode", copy.barcode());
            putIfPresent(c, "inventory", copy.inventoryNumber());
            putIfPresent(c, "due", copy.dueDate() == null ? null : copy.dueDate().toString());
            copies.add(c);
        }
        doc.append("copies", copies);
        doc.append("updatedAt", updatedAt);
        return doc;
    }

    static Title toTitle(Document doc) {
        List<Copy> copies = new ArrayList<>();
        for (Document c : doc.getList("copies", Document.class, List.of())) {
            String due = c.getString("due");
            copies.add(new Copy(c.getString("branch"), c.getString("location"), c.getString("barcode"),
                    c.getString("inventory"), CopyState.valueOf(c.getString("state")),
                    due == null ? null : LocalDate.parse(due)));
        }
        return new Title(doc.getString("_id"), doc.getString("title"), doc.getString("otherTitleInfo"),
                doc.getString("statement"), doc.getList("authors", String.class, List.of()), doc.getInteger("year"),
                doc.getString("publisher"), doc.getList("isbns", String.class, List.of()),
                doc.getList("subjects", String.class, List.of()), doc.getString("series"), doc.getString("ageRating"),
                doc.getString("language"), doc.getString("source"), copies);
    }

    private static void putIfPresent(Document doc, String key, Object value) {
        if (value != null) {
            doc.append(key, value);
        }
    }
}
