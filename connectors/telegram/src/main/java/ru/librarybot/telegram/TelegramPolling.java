package ru.librarybot.telegram;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import ru.librarybot.conversation.Channel;
import ru.librarybot.messenger.Inbox;
import ru.librarybot.messenger.PollingLoop;

/**
 * Asks Telegram for updates (long polling) and stores each in the inbox before asking for the next batch.
 * Our own getUpdates loop, not TelegramBotsLongPollingApplication: an update's offset is confirmed only by the
 * call after it is stored, so none is lost if the process dies in between.
 */
class TelegramPolling extends PollingLoop {

    static final List<String> UPDATES = List.of("message", "callback_query", "my_chat_member");
    private static final Logger log = LoggerFactory.getLogger(TelegramPolling.class);

    private final TelegramClient client;
    private final Inbox inbox;
    private final Duration timeout;
    private Integer offset;
    private boolean webhookCleared;

    /** @param client one whose read timeout outlasts {@code timeout} */
    TelegramPolling(TelegramClient client, Inbox inbox, Duration timeout) {
        super("telegram-polling");
        this.client = client;
        this.inbox = inbox;
        this.timeout = timeout;
    }

    @Override
    protected void begin() {
        offset = null;
        webhookCleared = false;
    }

    @Override
    protected void pollOnce() throws TelegramApiException {
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
    }

    @Override
    protected boolean recover(Exception failure, Duration pause) {
        switch (failure) {
            case TelegramApiRequestException e -> {
                Integer code = e.getErrorCode();
                if (code != null && (code == 401 || code == 404)) {
                    log.error("Telegram refuses the bot token (TELEGRAM_BOT_TOKEN); retrying in {}s", pause.toSeconds());
                } else if (code != null && code == 409) {
                    log.warn("Telegram reports another getUpdates or a webhook for this bot; retrying");
                    webhookCleared = false;
                } else {
                    log.warn("Telegram getUpdates failed: {} {}", code, e.getApiResponse());
                }
            }
            default -> {
                if (isRunning()) {
                    log.warn("Telegram getUpdates failed ({}); retrying in {}s", failure.getMessage(), pause.toSeconds());
                }
            }
        }
        return true;
    }
}
