package ru.librarybot.vk;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import ru.librarybot.bench.MessengerBenchmark;
import ru.librarybot.bench.MessengerBenchmark.Received;
import ru.librarybot.bench.MessengerBenchmark.Update;

/**
 * The VK connector end to end against the fake VK API of its tests. In {@code callback} mode (the default) each
 * event is posted to {@code /api/vk/callback} as VK does (here at most 40 at a time), and answered "ok" once
 * stored in the inbox; in {@code longpoll} mode each event is queued at the fake's Bots Long Poll server, and the
 * connector moves its position past an event only after storing it.
 *
 * <p>Run: {@code ./mvnw -q -DskipTests package exec:exec -pl bench -am -Dbench.main=ru.librarybot.vk.VkBenchmark
 * -Dbench.args="callback raised 10000 0 2000 2000"}; the arguments after the mode are {@link MessengerBenchmark}'s.
 */
public final class VkBenchmark implements MessengerBenchmark.Platform {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SECRET = "bench-callback-secret";

    private final FakeVkApi api = new FakeVkApi();
    private final boolean callback;
    private final MessengerBenchmark.Pushes pushes = new MessengerBenchmark.Pushes(40);
    private int port;

    private VkBenchmark(boolean callback) throws java.io.IOException {
        this.callback = callback;
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "callback";
        if (!List.of("callback", "longpoll").contains(mode)) {
            throw new IllegalArgumentException("The mode is callback or longpoll, not " + mode);
        }
        MessengerBenchmark.run(new VkBenchmark("callback".equals(mode)),
                Arrays.copyOfRange(args, Math.min(1, args.length), args.length));
        System.exit(0);
    }

    @Override
    public String name() {
        return "VK, " + (callback ? "Callback API" : "Bots Long Poll");
    }

    @Override
    public List<String> settings(boolean raised) {
        List<String> settings = new ArrayList<>(List.of("--librarybot.vk.token=" + FakeVkApi.TOKEN,
                "--librarybot.vk.group-id=" + FakeVkApi.GROUP_ID, "--librarybot.vk.api-url=" + api.url()));
        if (callback) {
            settings.add("--librarybot.vk.confirmation-code=c0nf1rm");
            settings.add("--librarybot.vk.secret=" + SECRET);
        }
        if (raised) {
            settings.add("--librarybot.vk.requests-per-second=1000000");
        }
        return settings;
    }

    @Override
    public void raiseFakeLimits() {
        api.requestLimit(1_000_000);
    }

    @Override
    public void started(int port) {
        this.port = port;
    }

    @Override
    public void offer(Update update) {
        String json = json(update);
        if (callback) {
            pushes.push(update.chat(), HttpRequest.newBuilder(pushes.local(port, "/api/vk/callback"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
        } else {
            api.queueEvent(json);
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
        return "vk:ev-" + update.id();
    }

    @Override
    public List<Received> received() {
        return api.delivered().stream().map(sent -> new Received(sent.peerId(), sent.atNanos())).toList();
    }

    @Override
    public long limitRefusals() {
        return api.errorsGiven().stream().filter(code -> code == 6).count();
    }

    /** 19 API calls a second, shared by the messages sent and the acknowledgements of button presses. */
    @Override
    public double limiterBound(double messagesPerUpdate, double pressesPerUpdate, int chats) {
        return 19 / (messagesPerUpdate + pressesPerUpdate);
    }

    @Override
    public void close() {
        api.close();
    }

    /** A private chat's message_new or message_event (a callback button pressed), as VK sends them. */
    private static String json(Update update) {
        ObjectNode event = JSON.createObjectNode().put("event_id", "ev-" + update.id()).put("v", "5.199")
                .put("group_id", FakeVkApi.GROUP_ID).put("secret", SECRET);
        if (update.text() != null) {
            event.put("type", "message_new");
            ObjectNode object = event.putObject("object");
            object.putObject("message").put("date", 1760000000).put("from_id", update.chat()).put("id", 0).put("out", 0)
                    .put("peer_id", update.chat()).put("text", update.text()).put("conversation_message_id", 1);
            object.putObject("client_info").put("keyboard", true).put("inline_keyboard", true);
        } else {
            event.put("type", "message_event");
            event.putObject("object").put("user_id", update.chat()).put("peer_id", update.chat())
                    .put("event_id", "press-" + update.id()).put("conversation_message_id", 7)
                    .putObject("payload").put("b", update.button());
        }
        return event.toString();
    }
}
