package ru.librarybot.messenger;

import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.librarybot.conversation.ReaderKeys;
import ru.librarybot.conversation.Texts;
import ru.librarybot.delivery.DeliveryReports;

@Configuration(proxyBeanMethods = false)
class MessengerConfiguration {

    // closed by Spring (its inferred destroy method): retries still waiting are left to the next start
    @Bean
    Inbox inbox(MongoTemplate mongo, List<UpdateHandler> handlers, Clock clock, ObjectProvider<MeterRegistry> meters,
                ApplicationEventPublisher events) {
        // an application without Micrometer set up still runs; its meters then go nowhere
        return new Inbox(mongo, handlers, clock, meters.getIfAvailable(() -> Metrics.globalRegistry), events);
    }

    @Bean
    Apologies apologies(Outbox outbox, Texts texts, ReaderKeys readerKeys) {
        return new Apologies(outbox, texts, readerKeys);
    }

    // lazy: delivery needs the senders, which need the outbox, which reports back to delivery
    @Bean
    Outbox outbox(MongoTemplate mongo, List<Transport> transports, @Lazy DeliveryReports reports, Clock clock) {
        return new Outbox(mongo, transports, reports, Retries.standard(), clock);
    }

    /**
     * Finishes what the last run left (unsent replies first, then updates stored but not yet handled) before the
     * connectors start taking new ones: lifecycle phase 0 comes before polling and before the web server.
     */
    @Bean
    SmartLifecycle messengerResume(Inbox inbox, Outbox outbox) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                outbox.resume();
                inbox.resume();
                running = true;
            }

            @Override
            public void stop() {
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return 0;
            }
        };
    }
}
