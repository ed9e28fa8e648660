package ru.librarybot.analytics;

import java.time.Clock;
import java.time.ZoneId;
import java.util.function.UnaryOperator;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.librarybot.circulation.Readers;

/** The library's days are its local dates, in the time zone of its profile. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InteractionLogSettings.class)
class AnalyticsConfiguration {

    private final ZoneId zone;
    private final MeterRegistry meters;

    AnalyticsConfiguration(ZoneId libraryZone,
                           ObjectProvider<MeterRegistry> meters) {
        this.zone = libraryZone;
        // an application without Micrometer set up still runs; its meters then go nowhere
        this.meters = meters.getIfAvailable(() -> Metrics.globalRegistry);
    }

    /** Readers who linked a card on several channels are one person in the statistics over all channels. */
    @Bean
    InteractionLog interactionLog(MongoTemplate mongo, InteractionLogSettings settings,
                                  ObjectProvider<Readers> readers) {
        UnaryOperator<String> person = readerKey -> readers.getIfAvailable() instanceof Readers linked
                ? linked.byReaderKey(readerKey).map(reader -> "reader:" + reader.id()).orElse(readerKey)
                : readerKey;
        InteractionWriter writer = new InteractionWriter(mongo, new DailyRollups(mongo, person), meters);
        return new InteractionLog(writer, zone, settings.queueCapacity(), settings.shutdownWait(), meters);
    }

    @Bean
    ConversationMetrics conversationMetrics() {
        return new ConversationMetrics(meters);
    }

    @Bean
    DailyStatistics dailyStatistics(MongoTemplate mongo) {
        return new DailyStatistics(mongo);
    }

    @Bean
    InteractionLogRetention interactionLogRetention(MongoTemplate mongo, InteractionLogSettings settings, Clock clock) {
        return new InteractionLogRetention(mongo, settings.retention(), zone, clock);
    }
}
