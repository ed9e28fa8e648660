package ru.librarybot.circulation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Readers with linked cards. A channel account finds its reader through a link document keyed by its reader key,
 * and a card finds its reader through a document keyed by the card's lookup key: both by {@code _id}.
 */
@Service
public class Readers {

    static final String READERS = "readers";
    static final String CARDS = "reader_cards";
    static final String LINKS = "card_links";
    private static final int BATCH = 500;
    /** Looking up more than one in five readers by key costs the embedded store more than a scan (bench/). */
    static final int SCAN_ABOVE_ONE_IN = 5;

    private final MongoTemplate mongo;
    private final CardVault vault;
    private final Clock clock;

    Readers(MongoTemplate mongo, CardVault vault, Clock clock) {
        this.mongo = mongo;
        this.vault = vault;
        this.clock = clock;
    }

    public Optional<Reader> byReaderKey(String readerKey) {
        Document link = mongo.findById(readerKey, Document.class, LINKS);
        return link == null ? Optional.empty()
                : Optional.ofNullable(mongo.findById(link.getString("reader"), Reader.class, READERS));
    }

    public CardNumber card(Reader reader) {
        return vault.decrypt(reader.card());
    }

    /**
     * Readers holding these cards, found by the cards' lookup keys; cards no reader linked are left out. When the
     * cards are many, reading every reader once costs the store less than looking each one up.
     */
    public List<Reader> byCardKeys(Set<String> cardKeys) {
        if ((long) cardKeys.size() * SCAN_ABOVE_ONE_IN > mongo.estimatedCount(READERS)) {
            try (Stream<Reader> all = all()) {
                return all.filter(reader -> cardKeys.contains(reader.cardKey())).toList();
            }
        }
        List<Reader> readers = new ArrayList<>();
        List<String> keys = List.copyOf(cardKeys);
        for (int from = 0; from < keys.size(); from += BATCH) {
            List<String> ids = new ArrayList<>();
            mongo.find(Query.query(Criteria.where("_id").in(keys.subList(from, Math.min(keys.size(), from + BATCH)))),
                    Document.class, CARDS).forEach(card -> ids.add(card.getString("reader")));
            if (!ids.isEmpty()) {
                readers.addAll(mongo.find(Query.query(Criteria.where("_id").in(ids)), Reader.class, READERS));
            }
        }
        return readers;
    }

    /** Readers who linked their card after this moment: a scan, once per reminder run. */
    public List<Reader> linkedSince(Instant since) {
        return mongo.find(Query.query(Criteria.where("linkedAt").gt(Date.from(since))), Reader.class, READERS);
    }

    /** Every reader with a linked card, read as a stream so a large library does not fill the memory. */
    public Stream<Reader> all() {
        return mongo.stream(new Query(), Reader.class, READERS);
    }

    /** Links this channel account to the card's reader, making the reader if the card is new to the bot. */
    Reader link(String readerKey, CardNumber card) {
        String cardKey = vault.lookupKey(card);
        Optional<Reader> current = byReaderKey(readerKey);
        if (current.isPresent() && current.get().cardKey().equals(cardKey)) {
            return current.get();
        }
        current.ifPresent(other -> unlink(readerKey));
        String readerId = readerOf(cardKey, card);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(readerId)),
                new Update().addToSet("readerKeys", readerKey), READERS);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(readerId).and("remindVia").is(null)),
                new Update().set("remindVia", readerKey), READERS);
        mongo.upsert(Query.query(Criteria.where("_id").is(readerKey)), new Update().set("reader", readerId), LINKS);
        return mongo.findById(readerId, Reader.class, READERS);
    }

    /** Unlinks this channel account; a reader left with no account is deleted with their card. */
    Optional<Reader> unlink(String readerKey) {
        Optional<Reader> reader = byReaderKey(readerKey);
        mongo.remove(Query.query(Criteria.where("_id").is(readerKey)), LINKS);
        reader.ifPresent(linked -> {
            if (linked.readerKeys().equals(List.of(readerKey))) {
                delete(linked);
            } else {
                Update update = new Update().pull("readerKeys", readerKey);
                if (readerKey.equals(linked.remindVia())) {
                    update.unset("remindVia");
                }
                mongo.updateFirst(Query.query(Criteria.where("_id").is(linked.id())), update, READERS);
            }
        });
        return reader;
    }

    /** Deletes the reader, their card and every account link. */
    void delete(Reader reader) {
        mongo.remove(Query.query(Criteria.where("_id").in(reader.readerKeys())), LINKS);
        mongo.remove(Query.query(Criteria.where("_id").is(reader.cardKey())), CARDS);
        mongo.remove(Query.query(Criteria.where("_id").is(reader.id())), READERS);
    }

    Reader choose(Reader reader, ReminderChoices choices) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(reader.id())), new Update().set("reminders", choices),
                READERS);
        return mongo.findById(reader.id(), Reader.class, READERS);
    }

    Reader remindVia(Reader reader, String readerKey) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(reader.id())), new Update().set("remindVia", readerKey),
                READERS);
        return mongo.findById(reader.id(), Reader.class, READERS);
    }

    private String readerOf(String cardKey, CardNumber card) {
        Document known = mongo.findById(cardKey, Document.class, CARDS);
        if (known != null) {
            return known.getString("reader");
        }
        Reader reader = new Reader(UUID.randomUUID().toString(), vault.encrypt(card), cardKey, List.of(), null,
                ReminderChoices.ALL, clock.instant());
        mongo.insert(reader, READERS);
        try {
            mongo.insert(new Document("_id", cardKey).append("reader", reader.id()), CARDS);
            return reader.id();
        } catch (DuplicateKeyException linkedMeanwhile) {
            // the same card was linked from another account at this very moment: join that reader
            mongo.remove(Query.query(Criteria.where("_id").is(reader.id())), READERS);
            return mongo.findById(cardKey, Document.class, CARDS).getString("reader");
        }
    }
}
