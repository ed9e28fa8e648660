package ru.librarybot.telegram;

import java.time.Duration;
import java.util.function.Supplier;

import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import ru.librarybot.conversation.Channel;
import ru.librarybot.conversation.ConversationEngine;
import ru.librarybot.conversation.ReaderKeys;
import ru.librarybot.conversation.Texts;
import ru.librarybot.delivery.DeliveryReports;
import ru.librarybot.messenger.Inbox;
import ru.librarybot.messenger.Outbox;
import ru.librarybot.messenger.OutboxSender;

/**
 * Wires the Telegram channel when TELEGRAM_BOT_TOKEN is set (there is no Spring Boot 4 starter for TelegramBots):
 * long polling, or a webhook when TELEGRAM_WEBHOOK_URL is set too.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TelegramSettings.class)
class TelegramConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TelegramConfiguration.class);

    /** One INFO line on start saying whether readers can reach the library on Telegram, and why not. */
    @EventListener(ApplicationReadyEvent.class)
    void reportChannel(ApplicationReadyEvent ready) {
        TelegramSettings settings = ready.getApplicationContext().getBean(TelegramSettings.class);
        if (!settings.on()) {
            log.info("Telegram channel: off (TELEGRAM_BOT_TOKEN is not set)");
        } else if (settings.webhook()) {
            log.info("Telegram channel: on, webhook at /api/telegram/webhook (secret {})",
                    settings.webhookSecret() == null || settings.webhookSecret().isBlank()
                            ? "derived from the token: TELEGRAM_WEBHOOK_SECRET is not set" : "from TELEGRAM_WEBHOOK_SECRET");
        } else {
            log.info("Telegram channel: on, long polling (TELEGRAM_WEBHOOK_URL is not set)");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(TelegramOn.class)
    static class WhenTokenSet {

        @Bean
        OkHttpClient telegramHttp() {
            return new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(10))
                    .readTimeout(Duration.ofSeconds(30)).writeTimeout(Duration.ofSeconds(30)).build();
        }

        @Bean
        OkHttpTelegramClient telegramClient(OkHttpClient telegramHttp, TelegramSettings settings) {
            return new OkHttpTelegramClient(telegramHttp, settings.token().strip(), settings.telegramUrl());
        }

        @Bean
        TelegramTransport telegramTransport(OkHttpTelegramClient telegramClient, TelegramSettings settings) {
            return new TelegramTransport(telegramClient, settings.sends().pace());
        }

        @Bean
        TelegramUpdates telegramUpdates(ConversationEngine engine, Outbox outbox, ReaderKeys readerKeys,
                                        DeliveryReports reports, Texts texts, OkHttpTelegramClient telegramClient) {
            return new TelegramUpdates(engine, outbox, readerKeys, reports, texts, telegramClient,
                    botAccount(telegramClient));
        }

        @Bean
        OutboxSender telegramSender(Outbox outbox) {
            return new OutboxSender(Channel.TELEGRAM, outbox);
        }

        @Bean
        @Conditional(TelegramOn.Polling.class)
        TelegramPolling telegramPolling(OkHttpClient telegramHttp, TelegramSettings settings, Inbox inbox) {
            OkHttpClient longReads = telegramHttp.newBuilder()
                    .readTimeout(settings.pollTimeout().plusSeconds(15)).build();
            return new TelegramPolling(new OkHttpTelegramClient(longReads, settings.token().strip(),
                    settings.telegramUrl()), inbox, settings.pollTimeout());
        }

        @Bean
        @Conditional(TelegramOn.Webhook.class)
        TelegramWebhook telegramWebhook(OkHttpTelegramClient telegramClient, TelegramSettings settings, Inbox inbox) {
            return new TelegramWebhook(telegramClient, inbox, settings.webhookUrl().strip(),
                    settings.effectiveWebhookSecret());
        }
    }

    /** The bot's own account, asked once when first needed and then remembered. */
    static Supplier<User> botAccount(TelegramClient client) {
        return new Supplier<>() {
            private volatile User me;

            @Override
            public User get() {
                User known = me;
                if (known == null) {
                    try {
                        known = client.execute(new GetMe());
                    } catch (TelegramApiException e) {
                        throw new IllegalStateException("Telegram getMe failed: " + e.getMessage(), e);
                    }
                    me = known;
                }
                return known;
            }
        };
    }
}
