package ru.librarybot.vk;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.librarybot.conversation.Answer;
import ru.librarybot.conversation.Button;
import ru.librarybot.conversation.Channel;
import ru.librarybot.conversation.InboundMessage;
import ru.librarybot.conversation.Intent;
import ru.librarybot.conversation.Outcome;
import ru.librarybot.conversation.ReaderWrote;
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
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class VkConnectorTest extends ConnectorTestSupport {

    private FakeVkApi api;
    private final List<Object> published = new CopyOnWriteArrayList<>();
    private final List<Connector> connectors = new ArrayList<>();

    VkConnectorTest() {
        super(Channel.VK);
    }

    @BeforeEach
    void startFakeVk() throws Exception {
        api = new FakeVkApi();
    }

    @AfterEach
    void tearDown() {
        connectors.forEach(connector -> connector.longPoll().stop());
        api.close();
    }

    @Test
    void answersAMessageOverBotsLongPollWithACallbackKeyboard() {
        start(true);
        api.queueEvent(messageNew("e1", 42, 42, "Во сколько вы работаете?"));

        await().until(() -> api.deliveredTo(42).size() == 1);
        FakeVkApi.Sent reply = api.deliveredTo(42).getFirst();
        assertThat(reply.text()).isEqualTo("Ответ на «Во сколько вы работаете?»");
        assertThat(reply.buttons()).containsExactly("HELP");
        assertThat(reply.randomId()).isNotZero();
        assertThat(handled).singleElement().satisfies(message -> {
            assertThat(message.channel()).isEqualTo(Channel.VK);
            assertThat(message.chatId()).isEqualTo("42");
        });
    }

    @Test
    void answersTheCallbackApiConfirmationWithTheConfiguredCode() {
        Connector connector = start(false);

        assertThat(connector.callback().receive("{\"type\":\"confirmation\",\"group_id\":123}"))
                .isEqualTo(new VkCallback.Outcome.Confirm("c0nf1rm"));
        assertThat(connector.callback().receive("{\"type\":\"confirmation\",\"group_id\":999}"))
                .isInstanceOf(VkCallback.Outcome.Forbidden.class);
    }

    @Test
    void takesACallbackEventAndAnswersItAfterStoringIt() {
        Connector connector = start(false);

        assertThat(connector.callback().receive(messageNew("e2", 42, 42, "привет")))
                .isInstanceOf(VkCallback.Outcome.Ok.class);
        await().until(() -> api.deliveredTo(42).size() == 1);
        assertThat(api.deliveredTo(42).getFirst().text()).isEqualTo("Ответ на «привет»");
    }

    @Test
    void refusesEventsWithAWrongOrMissingSecretAndHandlesNothing() {
        Connector connector = start(false);

        assertThat(connector.callback().receive(messageNew("e3", 42, 42, "привет").replace("s3cret", "guess")))
                .isInstanceOf(VkCallback.Outcome.Forbidden.class);
        assertThat(connector.callback().receive(messageNew("e4", 42, 42, "привет").replace(",\"secret\":\"s3cret\"", "")))
                .isInstanceOf(VkCallback.Outcome.Forbidden.class);
        assertThat(connector.callback().receive("{\"type\":\"message_new\",\"object\":")).isInstanceOf(VkCallback.Outcome.Malformed.class);
        verify(engine, after(500).never()).handle(any());
        assertThat(mongo.getCollection("messenger_inbox").countDocuments()).isZero();
    }

    @Test
    void answersAnEventDeliveredTwiceOnce() {
        Connector connector = start(false);
        connector.callback().receive(messageNew("e5", 42, 42, "привет"));
        connector.callback().receive(messageNew("e5", 42, 42, "привет"));

        await().until(() -> api.deliveredTo(42).size() == 1);
        verify(engine, after(1000).times(1)).handle(any());
        assertThat(api.deliveredTo(42)).hasSize(1);
    }

    @Test
    void handlesACallbackButtonPressAndAnswersTheEvent() {
        start(true);
        api.queueEvent(messageEvent("e6", 42, 42, "ev-1", "INFO"));

        await().until(() -> api.deliveredTo(42).size() == 1);
        assertThat(handled.getFirst().content()).isEqualTo(new InboundMessage.Content.ButtonPress("INFO"));
        assertThat(api.eventAnswers()).singleElement().satisfies(answer -> {
            assertThat(answer).containsEntry("event_id", "ev-1").containsEntry("user_id", "42");
            assertThat(answer).doesNotContainKey("event_data");
        });
    }

    @Test
    void tellsTheReaderAnOutdatedButtonNoLongerWorks() {
        start(true);
        api.queueEvent(messageEvent("e7", 42, 42, "ev-2", "OLD:1"));

        await().until(() -> api.eventAnswers().size() == 1);
        assertThat(api.eventAnswers().getFirst().get("event_data"))
                .contains("show_snackbar").contains(texts().get("messenger.button.outdated"));
        verify(engine, after(300).never()).handle(any());
    }

    @Test
    void recordsAReadersConsentToMessagesAndItsWithdrawal() {
        start(true);
        api.queueEvent("{\"type\":\"message_deny\",\"event_id\":\"e8\",\"v\":\"5.199\",\"group_id\":123,\"object\":{\"user_id\":42}}");
        api.queueEvent("{\"type\":\"message_allow\",\"event_id\":\"e9\",\"v\":\"5.199\",\"group_id\":123,\"object\":{\"user_id\":43,\"key\":\"k\"}}");

        await().untilAsserted(() -> verify(reports).readerUnreachable(eq("vk:reader-42"), contains("denied")));
        await().until(() -> published.size() == 1);
        assertThat(published.getFirst()).isInstanceOfSatisfying(ReaderWrote.class, wrote -> {
            assertThat(wrote.readerKey()).isEqualTo("vk:reader-43");
            assertThat(wrote.chatId()).isEqualTo("43");
        });
    }

    @Test
    void aRetriedSendIsDeliveredOnceThanksToItsRandomId() {
        Connector connector = start(true);
        api.answerLate(1, 3000);
        new OutboxSender(Channel.VK, connector.outbox()).send(outgoing("m1", 101, "Книга ждёт вас"));

        await().atMost(Duration.ofSeconds(15)).until(() -> api.sendAttempts().size() == 2);
        await().until(connector.outbox()::idle);
        assertThat(api.deliveredTo(101)).hasSize(1);
        verify(reports, never()).failed(any(), anyString());
    }

    @Test
    void slowsDownOnTooManyRequestsAndFloodControlAndLosesNothing() {
        Connector connector = start(true);
        api.failNext(3, 6);
        api.failNext(1, 9);
        OutboxSender sender = new OutboxSender(Channel.VK, connector.outbox());
        for (int i = 1; i <= 5; i++) {
            sender.send(outgoing("n" + i, 102, "Новость " + i));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> api.deliveredTo(102).size() == 5);
        assertThat(api.deliveredTo(102)).extracting(FakeVkApi.Sent::text)
                .containsExactly("Новость 1", "Новость 2", "Новость 3", "Новость 4", "Новость 5");
        // only the forced refusals: the sender never went over 20 requests a second by itself
        assertThat(api.errorsGiven()).containsExactly(6, 6, 6, 9);
        verify(reports, never()).failed(any(), anyString());
    }

    @Test
    void marksAReaderWhoDisallowedMessagesUnreachable() {
        Connector connector = start(true);
        api.block(77);
        new OutboxSender(Channel.VK, connector.outbox()).send(outgoing("b1", 77, "Напоминание"));

        await().untilAsserted(() -> verify(reports).failed(any(), contains("unreachable")));
        verify(reports).readerUnreachable(eq("vk:reader-77"), contains("901"));
        assertThat(api.delivered()).isEmpty();
    }

    @Test
    void handlesAfterARestartAnEventStoredJustBeforeTheProcessDied() {
        new Inbox(mongo, List.of(), Clock.systemUTC(), new SimpleMeterRegistry(), event -> { }).accept(Channel.VK, "e10", "42",
                messageNew("e10", 42, 42, "продлите книгу"));

        start(false);
        await().until(() -> api.deliveredTo(42).size() == 1);

        start(false);
        verify(engine, after(1000).times(1)).handle(any());
        assertThat(api.deliveredTo(42)).hasSize(1);
    }

    @Test
    void splitsATenThousandCharacterReplyAndLosesNothing() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; text.length() < 10_000; i++) {
            text.append("Строка ").append(i).append(" из расписания кружков.\n");
        }
        String longText = text.substring(0, 10_000);
        doReturn(Answer.of(Intent.INFO, Outcome.ANSWERED, new Reply.Text(longText, List.of(Button.of("Меню", Intent.HELP)))))
                .when(engine).handle(any());
        start(true);
        api.queueEvent(messageNew("e11", 42, 42, "расписание"));

        await().until(() -> api.deliveredTo(42).size() == 2);
        List<FakeVkApi.Sent> parts = api.deliveredTo(42);
        assertThat(parts.get(0).text() + parts.get(1).text()).isEqualTo(longText);
        assertThat(parts.get(0).text()).endsWith("\n").hasSizeLessThanOrEqualTo(9000);
        assertThat(parts.get(0).buttons()).isEmpty();
        assertThat(parts.get(1).buttons()).containsExactly("HELP");
        assertThat(parts.get(0).randomId()).isNotEqualTo(parts.get(1).randomId());
    }

    @Test
    void sendsAPictureAsAnUploadedPhotoWithItsAltText() {
        doReturn(Answer.of(Intent.INFO, Outcome.ANSWERED, new Reply.Image(new byte[] {1, 2, 3}, "Схема проезда", List.of())))
                .when(engine).handle(any());
        start(true);
        api.queueEvent(messageNew("e12", 42, 42, "как пройти"));

        await().until(() -> api.deliveredTo(42).size() == 1);
        assertThat(api.deliveredTo(42).getFirst().attachment()).isEqualTo("photo-123_55");
        assertThat(api.deliveredTo(42).getFirst().text()).isEqualTo("Схема проезда");
    }

    @Test
    void inAChatAnswersOnlyWhatMentionsTheCommunity() {
        start(true);
        api.queueEvent(messageNew("e13", 2_000_000_001L, 42, "всем привет"));
        api.queueEvent(messageNew("e14", 2_000_000_001L, 43, "[club123|@library], часы работы"));

        await().until(() -> api.deliveredTo(2_000_000_001L).size() == 1);
        assertThat(handled).singleElement().satisfies(message -> {
            assertThat(message.userId()).isEqualTo("43");
            assertThat(message.content()).isEqualTo(new InboundMessage.Content.Text("часы работы"));
        });
    }

    // ---- the connector as the application wires it, on the fake VK and a shared store

    private record Connector(Inbox inbox, Outbox outbox, VkCallback callback, VkLongPoll longPoll) {
    }

    private Connector start(boolean longPolling) {
        VkClient vk = new VkClient(new VkHttp(Duration.ofSeconds(2)), api.url(), FakeVkApi.GROUP_ID, FakeVkApi.TOKEN);
        VkTransport transport = new VkTransport(vk, VkSettingsTest.bind(Map.of()).requestsPerSecond());
        Outbox outbox = outbox(transport);
        VkUpdates updates = new VkUpdates(engine, outbox, fixedKeys(), reports, published::add, texts(), vk, transport);
        Inbox inbox = inbox(updates, outbox);
        VkCallback callback = new VkCallback(inbox, FakeVkApi.GROUP_ID, "c0nf1rm", "s3cret");
        VkLongPoll longPoll = new VkLongPoll(vk, inbox, mongo, Duration.ofSeconds(1));
        outbox.resume();
        inbox.resume();
        if (longPolling) {
            longPoll.start();
        }
        Connector connector = new Connector(inbox, outbox, callback, longPoll);
        connectors.add(connector);
        return connector;
    }

    private static Outgoing outgoing(String id, long peerId, String text) {
        return new Outgoing(id, "vk:reader-" + peerId, Channel.VK, String.valueOf(peerId), List.of(new Reply.Text(text)),
                "reminder");
    }

    static String messageNew(String eventId, long peerId, long fromId, String text) {
        return """
                {"type":"message_new","event_id":"%s","v":"5.199","group_id":123,"secret":"s3cret",
                 "object":{"message":{"date":1760000000,"from_id":%d,"id":0,"out":0,"peer_id":%d,
                  "text":"%s","conversation_message_id":1,"fwd_messages":[],"attachments":[]},
                  "client_info":{"keyboard":true,"inline_keyboard":true}}}"""
                .formatted(eventId, fromId, peerId, text).replace("\n", "");
    }

    static String messageEvent(String eventId, long peerId, long userId, String vkEventId, String button) {
        return """
                {"type":"message_event","event_id":"%s","v":"5.199","group_id":123,"secret":"s3cret",
                 "object":{"user_id":%d,"peer_id":%d,"event_id":"%s","payload":{"b":"%s"},"conversation_message_id":7}}"""
                .formatted(eventId, userId, peerId, vkEventId, button).replace("\n", "");
    }
}
