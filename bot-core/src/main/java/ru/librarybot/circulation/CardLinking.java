package ru.librarybot.circulation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The state of a card being linked, between the reader's messages: what they asked for before (to do it once the
 * card is linked), the card number they typed (encrypted, for a few minutes only; a PIN is never kept), and
 * failed attempts, which lock linking for the chat after {@link #MAX_FAILURES}.
 */
@Component
class CardLinking {

    static final String PENDING = "card_linking";
    static final String ATTEMPTS = "card_link_attempts";
    static final int MAX_FAILURES = 5;
    static final Duration LOCK = Duration.ofMinutes(15);
    static final Duration PENDING_FOR = Duration.ofMinutes(10);

    private final MongoTemplate mongo;
    private final CardVault vault;
    private final Clock clock;

    CardLinking(MongoTemplate mongo, CardVault vault, Clock clock) {
        this.mongo = mongo;
        this.vault = vault;
        this.clock = clock;
    }

    /**
     * A linking in progress.
     *
     * @param card the number typed, or {@code null} before it is
     * @param then what the reader asked for before linking ("LOANS", "RENEW:all"), or {@code null}
     */
    record Pending(CardNumber card, String then) {
    }

    /** How long linking stays locked for this chat; zero when it is not. */
    Duration lockedFor(String readerKey) {
        Document attempts = mongo.findById(readerKey, Document.class, ATTEMPTS);
        if (attempts == null || attempts.getDate("lockedUntil") == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), attempts.getDate("lockedUntil").toInstant());
        return left.isNegative() ? Duration.ZERO : left;
    }

    void begin(String readerKey, String then) {
        mongo.upsert(byKey(readerKey), new Update().set("then", then).unset("card")
                .set("expiresAt", Date.from(clock.instant().plus(PENDING_FOR))), PENDING);
    }

    void cardEntered(String readerKey, CardNumber card) {
        mongo.upsert(byKey(readerKey), new Update().set("card", vault.encrypt(card))
                .set("expiresAt", Date.from(clock.instant().plus(PENDING_FOR))), PENDING);
    }

    /** The linking in progress, unless it was abandoned longer ago than {@link #PENDING_FOR}. */
    Optional<Pending> pending(String readerKey) {
        Document pending = mongo.findById(readerKey, Document.class, PENDING);
        if (pending == null || !pending.getDate("expiresAt").toInstant().isAfter(clock.instant())) {
            return Optional.empty();
        }
        String card = pending.getString("card");
        return Optional.of(new Pending(card == null ? null : vault.decrypt(card), pending.getString("then")));
    }

    /** Forgets the typed card number but keeps what the reader asked for, to ask for the number again. */
    void askAgain(String readerKey) {
        mongo.updateFirst(byKey(readerKey), new Update().unset("card")
                .set("expiresAt", Date.from(clock.instant().plus(PENDING_FOR))), PENDING);
    }

    /**
     * Counts a wrong card/secret pair.
     *
     * @return the attempts left before the lock; 0 means linking is now locked
     */
    int failed(String readerKey) {
        Instant now = clock.instant();
        Document attempts = mongo.findAndModify(byKey(readerKey), new Update().inc("failures", 1),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, ATTEMPTS);
        int failures = attempts.getInteger("failures", 1);
        if (failures < MAX_FAILURES) {
            return MAX_FAILURES - failures;
        }
        mongo.updateFirst(byKey(readerKey), new Update().set("failures", 0)
                .set("lockedUntil", Date.from(now.plus(LOCK))), ATTEMPTS);
        mongo.remove(byKey(readerKey), PENDING);
        return 0;
    }

    void finish(String readerKey) {
        mongo.remove(byKey(readerKey), PENDING);
        mongo.remove(byKey(readerKey), ATTEMPTS);
    }

    /** Drops abandoned linkings (their encrypted card numbers) and served locks: a scan of two small collections. */
    long sweep() {
        Date now = Date.from(clock.instant());
        long pending = mongo.remove(Query.query(Criteria.where("expiresAt").lte(now)), PENDING).getDeletedCount();
        long locks = mongo.remove(Query.query(Criteria.where("lockedUntil").lte(now).and("failures").is(0)),
                ATTEMPTS).getDeletedCount();
        return pending + locks;
    }

    private static Query byKey(String readerKey) {
        return Query.query(Criteria.where("_id").is(readerKey));
    }
}
