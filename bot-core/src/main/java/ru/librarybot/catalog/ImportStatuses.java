package ru.librarybot.catalog;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Import reports kept in Mongo by id, so progress can be read from any instance while an import runs. */
public class ImportStatuses {

    static final String COLLECTION = "catalog_imports";

    private final MongoTemplate mongo;

    public ImportStatuses(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void save(ImportReport report) {
        List<Document> skips = new ArrayList<>();
        for (ImportReport.Skip skip : report.skips()) {
            skips.add(new Document("record", skip.record()).append("recordId", skip.recordId())
                    .append("reason", skip.reason()));
        }
        Document doc = new Document("_id", report.id()).append("fileName", report.fileName())
                .append("format", report.format()).append("state", report.state().name())
                .append("read", report.read()).append("imported", report.imported())
                .append("updated", report.updated()).append("skipped", report.skipped()).append("skips", skips)
                .append("startedAt", Date.from(report.startedAt()))
                .append("finishedAt", report.finishedAt() == null ? null : Date.from(report.finishedAt()))
                .append("failure", report.failure());
        mongo.getCollection(COLLECTION).replaceOne(Filters.eq("_id", report.id()), doc,
                new ReplaceOptions().upsert(true));
    }

    public Optional<ImportReport> find(String id) {
        Document doc = mongo.getCollection(COLLECTION).find(Filters.eq("_id", id)).first();
        if (doc == null) {
            return Optional.empty();
        }
        List<ImportReport.Skip> skips = new ArrayList<>();
        for (Document s : doc.getList("skips", Document.class, List.of())) {
            skips.add(new ImportReport.Skip(s.getInteger("record"), s.getString("recordId"), s.getString("reason")));
        }
        Date finished = doc.getDate("finishedAt");
        return Optional.of(new ImportReport(doc.getString("_id"), doc.getString("fileName"), doc.getString("format"),
                ImportReport.State.valueOf(doc.getString("state")), doc.getInteger("read"),
                doc.getInteger("imported"), doc.getInteger("updated"), doc.getInteger("skipped"), skips,
                doc.getDate("startedAt").toInstant(), finished == null ? null : finished.toInstant(),
                doc.getString("failure")));
    }
}
