package ru.librarybot.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import ru.librarybot.conversation.Channel;
import ru.librarybot.messenger.Inbox;

/**
 * Webhook mode: tells Telegram where to deliver updates, and takes each delivered one into the inbox before
 * Telegram hears "200 OK" (so a failed store makes Telegram deliver it again).
 */
public class TelegramWebhook implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TelegramWebhook.class);

    private final TelegramClient client;
    private final Inbox inbox;
    private final String url;
    private final byte[] secret;
    private volatile boolean running;

    TelegramWebhook(TelegramClient client, Inbox inbox, String url, String secret) {
        this.client = client;
        this.inbox = inbox;
        this.url = url;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether a request carries the secret we gave Telegram; compared in constant time. */
    public boolean authentic(String presented) {
        return presented != null && MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Stores one delivered update.
     *
     * @throws IllegalArgumentException when the body is not a Bot API update
     */
    public void receive(String body) {
        Update update = TelegramJson.parse(body);
        inbox.accept(Channel.TELEGRAM, String.valueOf(update.getUpdateId()), TelegramJson.lane(update), body);
    }

    @Override
    public void start() {
        running = true;
        Thread.ofVirtual().name("telegram-webhook-setup").start(this::register);
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void register() {
        SetWebhook setWebhook = SetWebhook.builder().url(url).secretToken(new String(secret, StandardCharsets.UTF_8))
                .allowedUpdates(TelegramPolling.UPDATES).build();
        for (int attempt = 1; running; attempt++) {
            try {
                client.execute(setWebhook);
                log.info("Telegram delivers updates to the webhook");
                return;
            } catch (TelegramApiException e) {
                Duration pause = Duration.ofSeconds(Math.min(60, 1L << Math.min(attempt, 6)));
                log.warn("Telegram setWebhook failed ({}); retrying in {}s", e.getMessage(), pause.toSeconds());
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }
}
