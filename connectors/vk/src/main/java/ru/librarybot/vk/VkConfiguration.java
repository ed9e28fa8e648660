package ru.librarybot.vk;


import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.librarybot.conversation.Channel;
import ru.librarybot.conversation.ConversationEngine;
import ru.librarybot.conversation.ReaderKeys;
import ru.librarybot.conversation.Texts;
import ru.librarybot.delivery.DeliveryReports;
import ru.librarybot.messenger.Inbox;
import ru.librarybot.messenger.Outbox;
import ru.librarybot.messenger.OutboxSender;

/**
 * Wires the VK channel when VK_GROUP_TOKEN and VK_GROUP_ID are set: the Callback API when VK_CONFIRMATION_CODE is
 * set too, Bots Long Poll otherwise.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VkSettings.class)
class VkConfiguration {

    private static final Logger log = LoggerFactory.getLogger(VkConfiguration.class);

    /** One INFO line on start saying whether readers can reach the library on VK, and why not. */
    @EventListener(ApplicationReadyEvent.class)
    void reportChannel(ApplicationReadyEvent ready) {
        VkSettings settings = ready.getApplicationContext().getBean(VkSettings.class);
        if (settings.token() == null || settings.token().isBlank()) {
            log.info("VK channel: off (VK_GROUP_TOKEN is not set)");
        } else if (settings.groupId() == null) {
            log.info("VK channel: off (VK_GROUP_ID is not set)");
        } else if (settings.callback()) {
            log.info("VK channel: on, Callback API at /api/vk/callback ({})", settings.secret() == null
                    || settings.secret().isBlank() ? "VK_SECRET is not set: events are not checked for a secret"
                    : "events checked against VK_SECRET");
        } else {
            log.info("VK channel: on, Bots Long Poll (VK_CONFIRMATION_CODE is not set)");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(VkOn.class)
    static class WhenTokenSet {

        @Bean
        VkClient vkClient(VkSettings settings) {
            // a long poll waits up to longPollWait; every other call is answered within seconds
            return new VkClient(new VkHttp(settings.longPollWait().plusSeconds(15)), settings.endpoint(),
                    settings.groupId(), settings.token().strip());
        }

        @Bean
        VkTransport vkTransport(VkClient vkClient, VkSettings settings) {
            return new VkTransport(vkClient, settings.requestsPerSecond());
        }

        @Bean
        VkUpdates vkUpdates(ConversationEngine engine, Outbox outbox, ReaderKeys readerKeys, DeliveryReports reports,
                            ApplicationEventPublisher events, Texts texts, VkClient vkClient, VkTransport vkTransport) {
            return new VkUpdates(engine, outbox, readerKeys, reports, events, texts, vkClient, vkTransport);
        }

        @Bean
        OutboxSender vkSender(Outbox outbox) {
            return new OutboxSender(Channel.VK, outbox);
        }

        @Bean
        @Conditional(VkOn.Callback.class)
        VkCallback vkCallback(Inbox inbox, VkSettings settings) {
            return new VkCallback(inbox, settings.groupId(), settings.confirmationCode().strip(), settings.secret());
        }

        @Bean
        @Conditional(VkOn.LongPoll.class)
        VkLongPoll vkLongPoll(VkClient vkClient, Inbox inbox, MongoTemplate mongo, VkSettings settings) {
            return new VkLongPoll(vkClient, inbox, mongo, settings.longPollWait());
        }
    }
}
