package ru.librarybot.telegram;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import ru.librarybot.conversation.Button;
import ru.librarybot.conversation.Channel;
import ru.librarybot.conversation.Reply;
import ru.librarybot.messenger.MessageLimits;
import ru.librarybot.messenger.Pace;
import ru.librarybot.messenger.SendFailure;
import ru.librarybot.messenger.Transport;

/** Renders replies as Bot API messages: text with an inline keyboard, or a photo with its alt text as caption. */
class TelegramTransport implements Transport {

    static final MessageLimits LIMITS = new MessageLimits(4096, 1024);
    static final int CALLBACK_DATA_LIMIT = 64;
    private static final Logger log = LoggerFactory.getLogger(TelegramTransport.class);

    private final TelegramClient client;
    private final Pace pace;

    /** @param pace the Bot API's flood limits ({@link TelegramSettings.Sends}) */
    TelegramTransport(TelegramClient client, Pace pace) {
        this.client = client;
        this.pace = pace;
    }

    @Override
    public Channel channel() {
        return Channel.TELEGRAM;
    }

    @Override
    public Pace pace() {
        return pace;
    }

    @Override
    public boolean isGroupChat(String chatId) {
        return chatId.startsWith("-");
    }

    @Override
    public List<Reply> messages(Reply reply) {
        return LIMITS.messages(reply);
    }

    @Override
    public void send(String chatId, Reply message, String sendKey) throws SendFailure {
        try {
            switch (message) {
                case Reply.Text text -> client.execute(SendMessage.builder().chatId(chatId).text(text.text())
                        .replyMarkup(keyboard(text.buttons())).build());
                case Reply.Image image -> client.execute(SendPhoto.builder().chatId(chatId)
                        .photo(new InputFile(new ByteArrayInputStream(image.png()), "image.png"))
                        .caption(image.altText().isEmpty() ? null : image.altText())
                        .replyMarkup(keyboard(image.buttons())).build());
            }
        } catch (TelegramApiRequestException e) {
            throw failure(e);
        } catch (TelegramApiException e) {
            throw new SendFailure.Transient("Bot API unreachable: " + e.getMessage(), e);
        }
    }

    static SendFailure failure(TelegramApiRequestException e) {
        Integer code = e.getErrorCode();
        String reason = "Bot API " + (code == null ? "error" : code) + ": " + e.getApiResponse();
        if (code == null) {
            return new SendFailure.Transient(reason + " (" + e.getMessage() + ")", e);
        }
        if (code == 429) {
            Integer seconds = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
            return new SendFailure.SlowDown(Duration.ofSeconds(seconds == null ? 1 : Math.max(1, seconds)), reason);
        }
        if (code == 403) {
            return new SendFailure.Blocked(reason);
        }
        if (code >= 500) {
            return new SendFailure.Transient(reason, e);
        }
        return new SendFailure.Rejected(reason);
    }

    private static InlineKeyboardMarkup keyboard(List<Button> buttons) {
        List<InlineKeyboardRow> rows = new ArrayList<>();
        for (Button button : buttons) {
            if (button.payload().getBytes(StandardCharsets.UTF_8).length > CALLBACK_DATA_LIMIT) {
                log.warn("A button is left out: its payload is longer than Telegram's {} bytes", CALLBACK_DATA_LIMIT);
                continue;
            }
            // one button a row: wide targets for readers on small phones
            rows.add(new InlineKeyboardRow(InlineKeyboardButton.builder().text(button.label())
                    .callbackData(button.payload()).build()));
        }
        return rows.isEmpty() ? null : new InlineKeyboardMarkup(rows);
    }
}
