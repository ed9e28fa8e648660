package ru.librarybot.telegram;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

import ru.librarybot.conversation.Answer;
import ru.librarybot.conversation.Button;
import ru.librarybot.conversation.Channel;
import ru.librarybot.conversation.InboundMessage;
import ru.librarybot.conversation.Intent;
import ru.librarybot.conversation.Outcome;
import ru.librarybot.conversation.Reply;
import ru.librarybot.delivery.Outgoing;
import ru.librarybot.messenger.ConnectorTestSupport;
import ru.librarybot.messenger.Inbox;
import ru.librarybot.messenger.Outbox;
import ru.librarybot.messenger.OutboxSender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.after;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class TelegramConnectorTest extends ConnectorTestSupport {

    private FakeBotApi api;
    private final List<Connector> connectors = new ArrayList<>();

    TelegramConnectorTest() {
        super(Channel.TELEGRAM);
    }

    @BeforeEach
    void startFakeBotApi() throws Exception {
        api = new FakeBotApi();
    }

    @AfterEach
    void tearDown() {
        connectors.forEach(Connector::stop);
        api.close();
    }

    @Test
    void answersAPrivateMessageWithTextAndInlineButtons() {
        start();
        api.queueUpdate(message(1, 42, 42, "private", "Во сколько вы работаете?"));

        await().until(() -> api.sentTo("42").size() == 1);
        FakeBotApi.Sent reply = api.sentTo("42").getFirst();
        assertThat(reply.text()).isEqualTo("Ответ на «Во сколько вы работаете?»");
        assertThat(reply.callbackData()).containsExactly("HELP");
        assertThat(handled).singleElement().satisfies(message -> {
            assertThat(message.channel()).isEqualTo(Channel.TELEGRAM);
            assertThat(message.chatId()).isEqualTo("42");
            assertThat(message.userId()).isEqualTo("42");
        });
        await().until(() -> api.confirmedOffset() == 2);
    }

    @Test
    void handlesAButtonPressAndStopsTheButtonSpinner() {
        start();
        api.queueUpdate(press(2, 42, 42, "cb-1", "INFO"));

        await().until(() -> api.sentTo("42").size() == 1);
        assertThat(api.sentTo("42").getFirst().text()).isEqualTo("Ответ на «INFO»");
        assertThat(handled.getFirst().content()).isEqualTo(new InboundMessage.Content.ButtonPress("INFO"));
        assertThat(api.callbackAnswers()).singleElement()
                .satisfies(answer -> assertThat(answer.path("callback_query_id").asText()).isEqualTo("cb-1"));
    }

    @Test
    void tellsTheReaderAnOutdatedButtonNoLongerWorksInsteadOfFailing() {
        start();
        api.queueUpdate(press(3, 42, 42, "cb-2", "OLD:7"));

        await().until(() -> api.callbackAnswers().size() == 1);
        assertThat(api.callbackAnswers().getFirst().path("text").asText()).isEqualTo(texts().get("messenger.button.outdated"));
        verify(engine, after(300).never()).handle(any());
        assertThat(api.sent()).isEmpty();
    }

    @Test
    void inAGroupAnswersOnlyWhatIsAddressedToTheBot() {
        start();
        api.queueUpdate(message(10, -500, 42, "group", "всем привет"));
        api.queueUpdate(mention(11, -500, 43, "@library_bot часы работы"));
        api.queueUpdate(command(12, -500, 44, "/help@library_bot"));
        api.queueUpdate(command(13, -500, 45, "/help@other_bot"));
        api.queueUpdate(replyToBot(14, -500, 46, "а в субботу?"));

        await().until(() -> handled.size() == 3);
        verify(engine, after(300).times(3)).handle(any());
        assertThat(handled).extracting(InboundMessage::userId).containsExactly("43", "44", "46");
        assertThat(handled.getFirst().content()).isEqualTo(new InboundMessage.Content.Text("часы работы"));
        assertThat(handled).allSatisfy(message -> assertThat(message.chatId()).isEqualTo("-500"));
    }

    @Test
    void aReaderWhoseMessageCouldNotBeAnsweredIsToldSoAndAskedToWriteAgain() {
        doThrow(new DataAccessResourceFailureException("the store is down")).when(engine).handle(any());
        start();
        api.queueUpdate(message(15, 42, 42, "private", "продлите книгу"));

        await().until(() -> api.sentTo("42").size() == 1);
        assertThat(api.sentTo("42").getFirst().text()).isEqualTo(texts().get("messenger.givenUp"));
        assertThat(api.sentTo("42").getFirst().callbackData()).containsExactly("HELP");
        verify(engine, after(300).times(3)).handle(any());
        assertThat(api.sentTo("42")).hasSize(1);
    }

    @Test
    void answersAnUpdateDeliveredTwiceOnce() {
        start();
        api.queueUpdate(message(20, 42, 42, "private", "привет"));
        api.queueUpdate(message(20, 42, 42, "private", "привет"));

        await().until(() -> api.sentTo("42").size() == 1);
        verify(engine, after(1500).times(1)).handle(any());
        assertThat(api.sentTo("42")).hasSize(1);
    }

    @Test
    void handlesAfterARestartAnUpdateStoredJustBeforeTheProcessDied() {
        // the process that received the update died before handling it: stored, never handled
        new Inbox(mongo, List.of(), Clock.systemUTC(), new SimpleMeterRegistry(), event -> { }).accept(Channel.TELEGRAM, "30", "42",
                message(30, 42, 42, "private", "продлите книгу"));
        verify(engine, never()).handle(any());

        start();
        await().until(() -> api.sentTo("42").size() == 1);
        assertThat(api.sentTo("42").getFirst().text()).isEqualTo("Ответ на «продлите книгу»");

        start();
        verify(engine, after(1000).times(1)).handle(any());
        assertThat(api.sentTo("42")).hasSize(1);
    }

    @Test
    void keepsEveryMessageAndItsOrderThroughAStormOf429s() {
        Connector connector = start();
        api.failNext(6, 429, 1);
        OutboxSender sender = new OutboxSender(Channel.TELEGRAM, connector.outbox());
        for (int i = 1; i <= 4; i++) {
            sender.send(outgoing("a" + i, "101", "Напоминание " + i));
        }
        for (int i = 1; i <= 3; i++) {
            sender.send(outgoing("b" + i, "102", "Новость " + i));
        }

        await().atMost(Duration.ofSeconds(40)).until(() -> api.sent().size() == 7);
        assertThat(api.sentTo("101")).extracting(FakeBotApi.Sent::text)
                .containsExactly("Напоминание 1", "Напоминание 2", "Напоминание 3", "Напоминание 4");
        assertThat(api.sentTo("102")).extracting(FakeBotApi.Sent::text)
                .containsExactly("Новость 1", "Новость 2", "Новость 3");
        // only the six forced refusals: the sender itself never ran into Telegram's flood limits
        assertThat(api.refusals()).hasSize(6);
        for (FakeBotApi.Refusal refusal : api.refusals()) {
            long waitedFrom = refusal.atNanos() + Duration.ofMillis(100).toNanos();
            long waitedUntil = refusal.atNanos() + Duration.ofSeconds(refusal.retryAfter()).toNanos();
            assertThat(api.sendAttempts()).noneMatch(at -> at > waitedFrom && at < waitedUntil);
        }
        verify(reports, never()).failed(any(), anyString());
    }

    @Test
    void retriesServerErrorsUntilTheMessageGoesThrough() {
        Connector connector = start();
        api.failNext(2, 502, 0);
        new OutboxSender(Channel.TELEGRAM, connector.outbox()).send(outgoing("r1", "103", "Книга ждёт вас"));

        await().until(() -> api.sentTo("103").size() == 1);
        assertThat(api.sendAttempts()).hasSize(3);
        verify(reports, never()).failed(any(), anyString());
    }

    @Test
    void marksAReaderWhoBlockedTheBotUnreachableAndStopsWritingToThem() {
        Connector connector = start();
        api.block("77");
        OutboxSender sender = new OutboxSender(Channel.TELEGRAM, connector.outbox());
        sender.send(outgoing("x1", "77", "Первое"));
        sender.send(outgoing("x2", "77", "Второе"));

        await().untilAsserted(() -> verify(reports, times(2)).failed(any(), anyString()));
        verify(reports).readerUnreachable(eq("telegram:reader-77"), contains("blocked"));
        assertThat(api.sendAttempts()).hasSize(1);
        assertThat(api.sent()).isEmpty();
    }

    @Test
    void splitsATenThousandCharacterReplyAtSentencesAndLosesNothing() {
        String longText = longText(10_000);
        doReturn(Answer.of(Intent.INFO, Outcome.ANSWERED,
                new Reply.Text(longText, List.of(Button.of("Меню", Intent.HELP))))).when(engine).handle(any());
        start();
        api.queueUpdate(message(40, 42, 42, "private", "расскажите всё"));

        await().atMost(Duration.ofSeconds(15)).until(() -> api.sentTo("42").size() == 3);
        List<FakeBotApi.Sent> parts = api.sentTo("42");
        assertThat(String.join("", parts.stream().map(FakeBotApi.Sent::text).toList())).isEqualTo(longText);
        assertThat(parts).allSatisfy(part -> assertThat(part.text()).hasSizeLessThanOrEqualTo(4096));
        assertThat(parts.subList(0, 2)).allSatisfy(part -> assertThat(part.text()).endsWith(". "));
        assertThat(parts.getLast().callbackData()).containsExactly("HELP");
        assertThat(parts.getFirst().callbackData()).isEmpty();
    }

    @Test
    void sendsAPictureAsAPhotoWithItsAltTextAsCaption() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        doReturn(Answer.of(Intent.INFO, Outcome.ANSWERED,
                new Reply.Image(png, "Схема проезда к центральной библиотеке", List.of()))).when(engine).handle(any());
        start();
        api.queueUpdate(message(50, 42, 42, "private", "как пройти"));

        await().until(() -> api.sentTo("42").size() == 1);
        FakeBotApi.Sent photo = api.sentTo("42").getFirst();
        assertThat(photo.method()).isEqualTo("sendphoto");
        assertThat(photo.text()).isEqualTo("Схема проезда к центральной библиотеке");
        assertThat(photo.photo()).isEqualTo(png);
    }

    // ---- the connector as the application wires it, on the fake Bot API and a shared store

    private record Connector(Inbox inbox, Outbox outbox, TelegramPolling polling) {
        void stop() {
            polling.stop();
        }
    }

    private Connector start() {
        TelegramSettings settings = TelegramSettingsTest.bind(Map.of("token", FakeBotApi.TOKEN, "api-url", api.url(),
                "poll-timeout", "1s"));
        OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(5)).build();
        OkHttpTelegramClient client = new OkHttpTelegramClient(http, FakeBotApi.TOKEN, settings.telegramUrl());
        TelegramTransport transport = new TelegramTransport(client, settings.sends().pace());
        Outbox outbox = outbox(transport);
        TelegramUpdates updates = new TelegramUpdates(engine, outbox, fixedKeys(), reports, texts(), client,
                TelegramConfiguration.botAccount(client));
        Inbox inbox = inbox(updates, outbox);
        TelegramPolling polling = new TelegramPolling(client, inbox, settings.pollTimeout());
        outbox.resume();
        inbox.resume();
        polling.start();
        Connector connector = new Connector(inbox, outbox, polling);
        connectors.add(connector);
        return connector;
    }

    private static Outgoing outgoing(String id, String chatId, String text) {
        return new Outgoing(id, "telegram:reader-" + chatId, Channel.TELEGRAM, chatId, List.of(new Reply.Text(text)),
                "reminder");
    }

    private static String longText(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; text.length() < length; i++) {
            text.append("Предложение номер ").append(i).append(" о работе библиотеки. ");
        }
        return text.substring(0, length - 1) + ".";
    }

    static String message(int updateId, long chatId, long userId, String chatType, String text) {
        return """
                {"update_id":%d,"message":{"message_id":%d,"date":1760000000,
                 "from":{"id":%d,"is_bot":false,"first_name":"Анна"},
                 "chat":{"id":%d,"type":"%s"},"text":"%s"}}""".formatted(updateId, updateId, userId, chatId, chatType, text);
    }

    private static String mention(int updateId, long chatId, long userId, String text) {
        return """
                {"update_id":%d,"message":{"message_id":%d,"date":1760000000,
                 "from":{"id":%d,"is_bot":false,"first_name":"Анна"},"chat":{"id":%d,"type":"supergroup"},
                 "text":"%s","entities":[{"type":"mention","offset":0,"length":12}]}}"""
                .formatted(updateId, updateId, userId, chatId, text);
    }

    private static String command(int updateId, long chatId, long userId, String text) {
        return """
                {"update_id":%d,"message":{"message_id":%d,"date":1760000000,
                 "from":{"id":%d,"is_bot":false,"first_name":"Анна"},"chat":{"id":%d,"type":"group"},
                 "text":"%s","entities":[{"type":"bot_command","offset":0,"length":%d}]}}"""
                .formatted(updateId, updateId, userId, chatId, text, text.length());
    }

    private static String replyToBot(int updateId, long chatId, long userId, String text) {
        return """
                {"update_id":%d,"message":{"message_id":%d,"date":1760000000,
                 "from":{"id":%d,"is_bot":false,"first_name":"Анна"},"chat":{"id":%d,"type":"group"},"text":"%s",
                 "reply_to_message":{"message_id":1,"date":1760000000,"chat":{"id":%d,"type":"group"},
                  "from":{"id":%d,"is_bot":true,"first_name":"Библиотека","username":"%s"},"text":"Мы работаем с 10"}}}"""
                .formatted(updateId, updateId, userId, chatId, text, chatId, FakeBotApi.BOT_ID, FakeBotApi.BOT_USERNAME);
    }

    static String press(int updateId, long chatId, long userId, String queryId, String data) {
        return """
                {"update_id":%d,"callback_query":{"id":"%s","chat_instance":"1","data":"%s",
                 "from":{"id":%d,"is_bot":false,"first_name":"Анна"},
                 "message":{"message_id":5,"date":1760000000,"chat":{"id":%d,"type":"private"},"text":"Меню"}}}"""
                .formatted(updateId, queryId, data, userId, chatId);
    }
}
