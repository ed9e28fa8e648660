package ru.librarybot.telegram;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.librarybot.bench.MessengerBenchmark;
import ru.librarybot.bench.MessengerBenchmark.Received;
import ru.librarybot.bench.MessengerBenchmark.Update;

/**
 * The Telegram connector end to end against the fake Bot API of its tests. In {@code polling} mode (the default)
 * each update is queued at the fake, where the connector's getUpdates finds it and confirms its offset only with
 * the next call, after storing it in the inbox; in {@code webhook} mode each update is posted to
 * {@code /api/telegram/webhook} as Telegram does (at most 40 at a time, its default max_connections), and answered
 * 200 once stored.
 *
 * <p>Run: {@code ./mvnw -q -DskipTests package exec:exec -pl bench -am
 * -Dbench.main=ru.librarybot.telegram.TelegramBenchmark -Dbench.args="polling raised 10000 0 2000 2000"}; the
 * arguments after the mode are {@link MessengerBenchmark}'s.
 */
public final class TelegramBenchmark implements MessengerBenchmark.Platform {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WEBHOOK_SECRET = "bench-webhook-secret";

    private final FakeBotApi api = new FakeBotApi();
    private final boolean webhook;
    private final MessengerBenchmark.Pushes pushes = new MessengerBenchmark.Pushes(40);
    private int port;

    private TelegramBenchmark(boolean webhook) throws java.io.IOException {
        this.webhook = webhook;
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "polling";
        if (!List.of("polling", "webhook").contains(mode)) {
            throw new IllegalArgumentException("The mode is polling or webhook, not " + mode);
        }
        MessengerBenchmark.run(new TelegramBenchmark("webhook".equals(mode)),
                Arrays.copyOfRange(args, Math.min(1, args.length), args.length));
        System.exit(0);
    }

    @Override
    public String name() {
        return "Telegram, " + (webhook ? "webhook" : "long polling");
    }

    @Override
    public List<String> settings(boolean raised) {
        List<String> settings = new ArrayList<>(List.of("--librarybot.telegram.token=" + FakeBotApi.TOKEN,
                "--librarybot.telegram.api-url=" + api.url()));
        if (webhook) {
            settings.add("--librarybot.telegram.webhook-url=https://library.example/api/telegram/webhook");
            settings.add("--librarybot.telegram.webhook-secret=" + WEBHOOK_SECRET);
        }
        if (raised) {
            settings.addAll(List.of("--librarybot.telegram.sends.per-second=1000000",
                    "--librarybot.telegram.sends.per-chat-interval=1ns",
                    "--librarybot.telegram.sends.per-group-per-minute=1000000"));
        }
        return settings;
    }

    @Override
    public void raiseFakeLimits() {
        api.floodLimits(1_000_000, 1_000_000);
    }

    @Override
    public void started(int port) {
        this.port = port;
    }

    @Override
    public void offer(Update update) {
        String json = json(update);
        if (webhook) {
            pushes.push(update.chat(), HttpRequest.newBuilder(pushes.local(port, "/api/telegram/webhook"))
                    .header("Content-Type", "application/json").header("X-Telegram-Bot-Api-Secret-Token", WEBHOOK_SECRET)
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build());
        } else {
            api.queueUpdate(json);
        }
    }

    @Override
    public boolean settled() {
        return pushes.settled();
    }

    @Override
    public long refused() {
        return pushes.refused();
    }

    @Override
    public String replyId(Update update) {
        return "telegram:" + update.id();
    }

    @Override
    public List<Received> received() {
        return api.sent().stream().map(sent -> new Received(Long.parseLong(sent.chatId()), sent.atNanos())).toList();
    }

    @Override
    public long limitRefusals() {
        return api.refusals().size();
    }

    /** 28 messages a second overall, and one per 1.1 s in each chat. */
    @Override
    public double limiterBound(double messagesPerUpdate, double pressesPerUpdate, int chats) {
        return Math.min(28 / messagesPerUpdate, chats / (1.1 * messagesPerUpdate));
    }

    @Override
    public void close() {
        api.close();
    }

    /** A private chat's message or button press, as the Bot API delivers it. */
    private static String json(Update update) {
        ObjectNode node = JSON.createObjectNode().put("update_id", update.id());
        ObjectNode from = JSON.createObjectNode().put("id", update.chat()).put("is_bot", false).put("first_name", "Анна");
        ObjectNode chat = JSON.createObjectNode().put("id", update.chat()).put("type", "private");
        if (update.text() != null) {
            ObjectNode message = node.putObject("message").put("message_id", update.id()).put("date", 1760000000)
                    .put("text", update.text());
            message.set("from", from);
            message.set("chat", chat);
        } else {
            ObjectNode press = node.putObject("callback_query").put("id", "cb-" + update.id()).put("chat_instance", "1")
                    .put("data", update.button());
            press.set("from", from);
            ObjectNode menu = press.putObject("message").put("message_id", 1).put("date", 1760000000).put("text", "Меню");
            menu.set("chat", chat);
        }
        return node.toString();
    }
}
