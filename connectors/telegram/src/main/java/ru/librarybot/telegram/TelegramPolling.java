package ru.librarybot.telegram;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import ru.librarybot.conversation.Channel;
import ru.librarybot.messenger.Inbox;

/**
 * Asks Telegram for updates (long polling) and stores each in the inbox before asking for the next batch.
 * Our own getUpdates loop, not TelegramBotsLongPollingApplication: an update's offset is confirmed only by the
 * call after it is stored, so none is lost if the process dies in between.
 */
class TelegramPolling implements SmartLifecycle {

    static final List<String> UPDATES = List.of("message", "callback_query", "my_chat_member");
    private static final Logger log = LoggerFactory.getLogger(TelegramPolling.class);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private final TelegramClient client;
    private final Inbox inbox;
    private final Duration timeout;
    private volatile boolean running;
    private volatile Thread poller;

    /** @param client one whose read timeout outlasts {@code timeout} */
    TelegramPolling(TelegramClient client, Inbox inbox, Duration timeout) {
        this.client = client;
        this.inbox = inbox;
        this.timeout = timeout;
    }

    @Override
    public void start() {
        running = true;
        poller = Thread.ofPlatform().daemon().name("telegram-polling").start(this::poll);
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = poller;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void poll() {
        Integer offset = null;
        int failures = 0;
        boolean webhookCleared = false;
        while (running) {
            try {
                if (!webhookCleared) {
                    // Telegram refuses getUpdates while a webhook is set; pending updates are kept
                    client.execute(new DeleteWebhook(false));
                    webhookCleared = true;
                }
                List<Update> updates = client.execute(new GetUpdates(offset, 100, (int) timeout.toSeconds(), UPDATES));
                for (Update update : updates) {
                    inbox.accept(Channel.TELEGRAM, String.valueOf(update.getUpdateId()), TelegramJson.lane(update),
                            TelegramJson.write(update));
                    offset = update.getUpdateId() + 1;
                }
                failures = 0;
            } catch (TelegramApiRequestException e) {
                failures++;
                Integer code = e.getErrorCode();
                if (code != null && (code == 401 || code == 404)) {
                    log.error("Telegram refuses the bot token (TELEGRAM_BOT_TOKEN); retrying in {}s", pause(failures).toSeconds());
                } else if (code != null && code == 409) {
                    log.warn("Telegram reports another getUpdates or a webhook for this bot; retrying");
                    webhookCleared = false;
                } else {
                    log.warn("Telegram getUpdates failed: {} {}", code, e.getApiResponse());
                }
                sleep(pause(failures));
            } catch (TelegramApiException | RuntimeException e) {
                failures++;
                if (running) {
                    log.warn("Telegram getUpdates failed ({}); retrying in {}s", e.getMessage(), pause(failures).toSeconds());
                }
                sleep(pause(failures));
            }
        }
    }

    private static Duration pause(int failures) {
        long seconds = 1L << Math.min(failures - 1, 5);
        return Duration.ofSeconds(Math.min(seconds, LONGEST_PAUSE.toSeconds()));
    }

    private void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
