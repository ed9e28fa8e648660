package ru.librarybot.telegram;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import ru.librarybot.conversation.Channel;
import ru.librarybot.conversation.ConversationEngine;
import ru.librarybot.conversation.InboundMessage;
import ru.librarybot.conversation.ReaderKeys;
import ru.librarybot.conversation.Texts;
import ru.librarybot.conversation.UnknownButtonException;
import ru.librarybot.delivery.DeliveryReports;
import ru.librarybot.messenger.InboxEntry;
import ru.librarybot.messenger.Outbox;
import ru.librarybot.messenger.UpdateHandler;

/**
 * Turns a stored Bot API update into a reader message for the engine and queues the answer: texts and button
 * presses from private chats, and from groups only what is addressed to the bot.
 */
class TelegramUpdates implements UpdateHandler {

    private static final Logger log = LoggerFactory.getLogger(TelegramUpdates.class);

    private final ConversationEngine engine;
    private final Outbox outbox;
    private final ReaderKeys readerKeys;
    private final DeliveryReports reports;
    private final Texts texts;
    private final TelegramClient client;
    private final Supplier<User> bot;

    /** @param bot the bot's own account (getMe), needed to tell whether a group message is meant for it */
    TelegramUpdates(ConversationEngine engine, Outbox outbox, ReaderKeys readerKeys, DeliveryReports reports,
                    Texts texts, TelegramClient client, Supplier<User> bot) {
        this.engine = engine;
        this.outbox = outbox;
        this.readerKeys = readerKeys;
        this.reports = reports;
        this.texts = texts;
        this.client = client;
        this.bot = bot;
    }

    @Override
    public Channel channel() {
        return Channel.TELEGRAM;
    }

    @Override
    public void handle(InboxEntry entry) {
        Update update = TelegramJson.parse(entry.payload());
        String replyId = entry.id();
        if (update.hasMessage()) {
            onMessage(update.getMessage(), entry, replyId);
        } else if (update.hasCallbackQuery()) {
            onPress(update.getCallbackQuery(), entry, replyId);
        } else if (update.hasMyChatMember()) {
            onMembership(update.getMyChatMember());
        }
    }

    private void onMessage(Message message, InboxEntry entry, String replyId) {
        User from = message.getFrom();
        if (from == null || Boolean.TRUE.equals(from.getIsBot())) {
            return;
        }
        String text = message.hasText() ? message.getText() : message.getCaption() == null ? "" : message.getCaption();
        if (!Boolean.TRUE.equals(message.getChat().isUserChat())) {
            User me = bot.get();
            if (!addressed(message, me)) {
                return;
            }
            text = withoutMention(text, me);
        }
        String chatId = String.valueOf(message.getChatId());
        answer(new InboundMessage(Channel.TELEGRAM, chatId, String.valueOf(from.getId()),
                new InboundMessage.Content.Text(text), entry.receivedAt()), replyId);
    }

    private void onPress(CallbackQuery query, InboxEntry entry, String replyId) {
        String payload = query.getData();
        if (payload == null || !engine.isKnownButton(payload)) {
            answerCallback(query, texts.get("messenger.button.outdated"));
            return;
        }
        answerCallback(query, null);
        String chatId = query.getMessage() != null ? String.valueOf(query.getMessage().getChatId())
                : String.valueOf(query.getFrom().getId());
        try {
            answer(new InboundMessage(Channel.TELEGRAM, chatId, String.valueOf(query.getFrom().getId()),
                    new InboundMessage.Content.ButtonPress(payload), entry.receivedAt()), replyId);
        } catch (UnknownButtonException e) {
            log.debug("A Telegram button stopped being valid while it was pressed");
        }
    }

    /** A reader who blocks the bot in a private chat is not written to until they write again. */
    private void onMembership(ChatMemberUpdated change) {
        if (Boolean.TRUE.equals(change.getChat().isUserChat()) && change.getNewChatMember() != null
                && "kicked".equals(change.getNewChatMember().getStatus())) {
            reports.readerUnreachable(readerKeys.of(Channel.TELEGRAM, String.valueOf(change.getFrom().getId())),
                    "the reader blocked the bot");
        }
    }

    private void answer(InboundMessage message, String replyId) {
        outbox.enqueueAnswer(replyId, readerKeys.of(Channel.TELEGRAM, message.userId()), message, engine.handle(message));
    }

    private void answerCallback(CallbackQuery query, String text) {
        try {
            client.execute(AnswerCallbackQuery.builder().callbackQueryId(query.getId()).text(text).build());
        } catch (TelegramApiException e) {
            // the spinner on the reader's button stops by itself; the press is handled all the same
            log.warn("A Telegram button press could not be acknowledged: {}", e.getMessage());
        }
    }

    /** In a group the bot answers a command, a mention of it, or a reply to its own message. */
    static boolean addressed(Message message, User me) {
        Message repliedTo = message.getReplyToMessage();
        if (repliedTo != null && repliedTo.getFrom() != null && me.getId().equals(repliedTo.getFrom().getId())) {
            return true;
        }
        String text = message.hasText() ? message.getText() : message.getCaption();
        List<MessageEntity> entities = message.hasText() ? message.getEntities() : message.getCaptionEntities();
        if (text == null || entities == null) {
            return false;
        }
        String mention = "@" + me.getUserName().toLowerCase(Locale.ROOT);
        for (MessageEntity entity : entities) {
            String part = text.substring(entity.getOffset(), Math.min(text.length(), entity.getOffset() + entity.getLength()))
                    .toLowerCase(Locale.ROOT);
            switch (entity.getType()) {
                case "mention" -> {
                    if (part.equals(mention)) {
                        return true;
                    }
                }
                case "text_mention" -> {
                    if (entity.getUser() != null && me.getId().equals(entity.getUser().getId())) {
                        return true;
                    }
                }
                case "bot_command" -> {
                    if (entity.getOffset() == 0 && (!part.contains("@") || part.endsWith(mention))) {
                        return true;
                    }
                }
                default -> {
                }
            }
        }
        return false;
    }

    private static String withoutMention(String text, User me) {
        return text.replaceAll("(?i)@" + java.util.regex.Pattern.quote(me.getUserName()) + "\\b", "").strip();
    }
}
