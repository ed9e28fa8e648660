package ru.librarybot.conversation;

import java.time.Clock;
import java.util.Base64;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.util.StringUtils;

@Configuration(proxyBeanMethods = false)
class ConversationConfiguration {

    private static final String PSEUDONYM_KEY_ID = "pseudonym-key";

    /**
     * Reader texts: a library's own bundle (LIBRARYBOT_MESSAGES, a path without ".properties") overrides the
     * shipped Russian one key by key.
     */
    @Bean
    MessageSource botMessages(@Value("${librarybot.messages:}") String libraryBundle) {
        ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
        if (StringUtils.hasText(libraryBundle)) {
            source.setBasenames("file:" + libraryBundle, "classpath:messages/bot");
        } else {
            source.setBasenames("classpath:messages/bot");
        }
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setCacheSeconds(-1);
        return source;
    }

    /** Without a MongoDB URI the embedded store's file is held by this one process: nobody else writes a dialog. */
    @Bean
    Dialogs dialogs(DialogRepository store, @Value("${spring.mongodb.uri:}") String mongoUri) {
        return new Dialogs(store, !StringUtils.hasText(mongoUri));
    }

    @Bean
    Texts texts(MessageSource botMessages) {
        return new Texts(botMessages);
    }

    /**
     * The pseudonym key comes from LIBRARYBOT_PSEUDONYM_KEY (base64); without it one is made once and kept in
     * the store, so reader keys stay stable across restarts and instances.
     */
    @Bean
    ReaderKeys readerKeys(@Value("${librarybot.pseudonym-key:}") String configured, MongoTemplate mongo) {
        if (StringUtils.hasText(configured)) {
            return new ReaderKeys(Base64.getDecoder().decode(configured.strip()));
        }
        String generated = Base64.getEncoder().encodeToString(ReaderKeys.newSecret());
        mongo.upsert(Query.query(Criteria.where("_id").is(PSEUDONYM_KEY_ID)),
                new Update().setOnInsert("value", generated), "settings");
        org.bson.Document stored = mongo.findById(PSEUDONYM_KEY_ID, org.bson.Document.class, "settings");
        return new ReaderKeys(Base64.getDecoder().decode(stored.getString("value")));
    }

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
