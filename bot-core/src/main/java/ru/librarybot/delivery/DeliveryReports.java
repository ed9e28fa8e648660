package ru.librarybot.delivery;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** What connectors tell about sends: failures are recorded with their reason, blocked readers are marked. */
@Component
public class DeliveryReports {

    private final ReaderAccountRepository accounts;
    private final MongoTemplate mongo;
    private final Delivery delivery;

    DeliveryReports(ReaderAccountRepository accounts, MongoTemplate mongo, Delivery delivery) {
        this.accounts = accounts;
        this.mongo = mongo;
        this.delivery = delivery;
    }

    /** The platform says the reader blocked the bot or left: stop writing until they write again. */
    public void readerUnreachable(String readerKey, String reason) {
        accounts.findById(readerKey).ifPresent(account -> accounts.save(account.unreachable(reason)));
        delivery.forgetRecorded(readerKey);
    }

    /** A message that finally failed after its retries: kept with the reason, never dropped silently. */
    public void failed(Outgoing message, String reason) {
        mongo.upsert(Query.query(Criteria.where("_id").is(message.id())), new Update()
                .set("readerKey", message.readerKey()).set("channel", message.channel())
                .set("purpose", message.purpose()).set("reason", reason)
                .set("at", java.time.Instant.now()), "failed_deliveries");
    }
}
