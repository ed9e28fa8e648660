package ru.librarybot.analytics;

import ru.librarybot.testing.MemoryStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import de.bwaldvogel.mongo.MongoServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.repository.config.EnableMongoRepositories;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.librarybot.conversation.Channel;
import ru.librarybot.conversation.ConversationEngine;
import ru.librarybot.conversation.InboundMessage;

/** The engine's real event reaching the log, the rollups and the meters through Spring. */
@SpringBootTest(classes = InteractionLogInContextTest.Wiring.class)
class InteractionLogInContextTest {

    private static MongoServer server;
    private static final String PLATFORM_ID = "738291045";

    @Autowired
    ConversationEngine engine;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MeterRegistry meters;
    @Autowired
    DailyStatistics statistics;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry properties) {
        server = MemoryStore.serve(properties);
    }

    @AfterAll
    static void stopStore() {
        server.shutdownNow();
    }

    @Test
    void logsAHandledExchangeUnderAPseudonymousKey() {
        engine.handle(InboundMessage.text(Channel.TELEGRAM, PLATFORM_ID, "/start"));

        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.count(new Query(), Interaction.COLLECTION) >= 2);
        List<Document> interactions = mongo.findAll(Document.class, Interaction.COLLECTION);
        assertThat(interactions).extracting(d -> d.getString("direction")).containsExactly("IN", "OUT");
        assertThat(interactions).allSatisfy(d -> {
            assertThat(d.getString("readerKey")).startsWith("telegram:").doesNotContain(PLATFORM_ID);
            assertThat(d.toJson()).doesNotContain(PLATFORM_ID);
            assertThat(d).containsEntry("intent", "HELP").containsEntry("outcome", "ANSWERED");
        });
        assertThat(interactions.get(0)).containsEntry("text", "/start");
        assertThat(interactions.get(1).getString("text")).isNotBlank();

        LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));
        await().atMost(Duration.ofSeconds(20)).until(() -> statistics.between(today, today).get(0)
                .total().uniqueReaders() == 1);
        assertThat(meters.get("librarybot.messages.in").tag("channel", "telegram").counter().count()).isEqualTo(1);
        assertThat(meters.get("librarybot.handling").tag("intent", "HELP").timer().count()).isEqualTo(1);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @ComponentScan(basePackageClasses = ConversationEngine.class,
            excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
    @EnableMongoRepositories(basePackageClasses = ConversationEngine.class)
    @Import(AnalyticsConfiguration.class)
    static class Wiring {

        @Bean
        java.time.ZoneId libraryZone() {
            return java.time.ZoneId.of("Europe/Moscow");
        }

        @Bean
        MeterRegistry meters() {
            return new SimpleMeterRegistry();
        }
    }
}
