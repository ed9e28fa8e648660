package ru.librarybot.circulation;

import java.time.Clock;
import java.util.Base64;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.util.StringUtils;

import ru.librarybot.circulation.embedded.EmbeddedCirculation;
import ru.librarybot.circulation.embedded.LoansImport;
import ru.librarybot.circulation.sip2.Sip2Circulation;
import ru.librarybot.circulation.sip2.Sip2Client;
import ru.librarybot.library.LibraryProfile;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CirculationSettings.class)
class CirculationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CirculationConfiguration.class);
    private static final String CARD_KEY_ID = "card-key";

    /**
     * The card key comes from LIBRARYBOT_CARD_KEY; without it one is made once and kept in the store, which then
     * holds both the encrypted cards and their key.
     */
    @Bean
    CardVault cardVault(CirculationSettings settings, MongoTemplate mongo) {
        if (StringUtils.hasText(settings.cardKey())) {
            try {
                return new CardVault(Base64.getDecoder().decode(settings.cardKey().strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("LIBRARYBOT_CARD_KEY must be base64 of 32 random bytes, "
                        + "e.g. the output of: openssl rand -base64 32");
            }
        }
        String generated = Base64.getEncoder().encodeToString(CardVault.newKey());
        mongo.upsert(Query.query(Criteria.where("_id").is(CARD_KEY_ID)), new Update().setOnInsert("value", generated),
                "settings");
        Document stored = mongo.findById(CARD_KEY_ID, Document.class, "settings");
        log.warn("LIBRARYBOT_CARD_KEY is not set: card numbers are encrypted with a key kept in the same store. "
                + "In production set LIBRARYBOT_CARD_KEY (openssl rand -base64 32) and keep it apart from backups.");
        return new CardVault(Base64.getDecoder().decode(stored.getString("value")));
    }

    @Bean(destroyMethod = "close")
    Sip2Client sip2Client(CirculationSettings settings) {
        return new Sip2Client(settings.sip2());
    }

    /**
     * The library's SIP2 server when one is configured, the embedded circulation with the renewal rules of the
     * library profile otherwise.
     */
    @Bean
    CirculationSource circulationSource(CirculationSettings settings, MongoTemplate mongo, CardVault vault,
                                        Sip2Client sip2, Clock clock, LibraryProfile library) {
        if (settings.sip2().configured()) {
            log.info("Loans come from the SIP2 server {}", settings.sip2());
            return new Sip2Circulation(sip2, settings.sip2(), clock, library.zone());
        }
        log.info("Loans come from the embedded circulation{}", StringUtils.hasText(settings.importFile())
                ? " loaded from " + settings.importFile() : "");
        return new EmbeddedCirculation(mongo, vault, library.circulation(), clock, library.zone());
    }

    @Bean
    LoansImport loansImport(MongoTemplate mongo, CardVault vault) {
        return new LoansImport(mongo, vault);
    }
}
