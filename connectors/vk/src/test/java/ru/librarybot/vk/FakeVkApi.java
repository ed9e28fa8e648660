package ru.librarybot.vk;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local stand-in for the VK API and its Bots Long Poll server: the documented methods the connector uses, their
 * JSON, and their refusals (error 6 past 20 requests a second, 901 for a reader who has not allowed messages, 914
 * for a text over 9,000 characters, 911 for a keyboard VK would not show). A repeated random_id is delivered once.
 */
final class FakeVkApi implements AutoCloseable {

    static final String TOKEN = "vk1.a.test-token";
    static final long GROUP_ID = 123;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A message VK delivered to a chat. */
    record Sent(long peerId, int randomId, String text, JsonNode keyboard, String attachment, long atNanos) {
        List<String> buttons() {
            List<String> payloads = new ArrayList<>();
            if (keyboard != null) {
                keyboard.path("buttons").forEach(row -> row.forEach(button ->
                        payloads.add(VkPayload.button(button.path("action").path("payload")))));
            }
            return payloads;
        }
    }

    private final HttpServer server;
    private final List<Sent> delivered = new CopyOnWriteArrayList<>();
    private final List<Long> sendAttempts = new CopyOnWriteArrayList<>();
    private final List<Integer> errorsGiven = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> eventAnswers = new CopyOnWriteArrayList<>();
    private final List<String> events = new ArrayList<>();
    private final Map<String, Integer> randomIds = new HashMap<>();
    private final Set<Long> blocked = new HashSet<>();
    private final Deque<Integer> forcedErrors = new ArrayDeque<>();
    private final Deque<Long> calls = new ArrayDeque<>();
    private final AtomicInteger messageIds = new AtomicInteger(1);
    private volatile long slowReplies;
    private volatile int slowCount;
    private int requestsPerSecond = 20;

    FakeVkApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/method/", this::method);
        server.createContext("/lp", this::longPoll);
        server.createContext("/upload", this::upload);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/method/";
    }

    // ---- what a test arranges

    /** An event as VK sends it over Callback API and Bots Long Poll alike. */
    synchronized void queueEvent(String json) {
        events.add(json);
        notifyAll();
    }

    synchronized void block(long peerId) {
        blocked.add(peerId);
    }

    synchronized void failNext(int count, int errorCode) {
        for (int i = 0; i < count; i++) {
            forcedErrors.add(errorCode);
        }
    }

    /** The next {@code count} sends are delivered, but answered only after {@code millis}. */
    void answerLate(int count, long millis) {
        slowCount = count;
        slowReplies = millis;
    }

    /** Raises VK's limit of 20 requests a second, as benchmarks need. */
    synchronized void requestLimit(int perSecond) {
        requestsPerSecond = perSecond;
    }

    // ---- what a test checks

    List<Sent> delivered() {
        return List.copyOf(delivered);
    }

    List<Sent> deliveredTo(long peerId) {
        return delivered.stream().filter(sent -> sent.peerId() == peerId).toList();
    }

    List<Long> sendAttempts() {
        return List.copyOf(sendAttempts);
    }

    List<Integer> errorsGiven() {
        return List.copyOf(errorsGiven);
    }

    List<Map<String, String>> eventAnswers() {
        return List.copyOf(eventAnswers);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ---- the API

    private void method(HttpExchange exchange) throws IOException {
        try (exchange) {
            String name = exchange.getRequestURI().getPath().substring("/method/".length());
            Map<String, String> params = form(exchange);
            JsonNode answer = answer(name, params);
            if (answer.has("error")) {
                errorsGiven.add(answer.path("error").path("error_code").asInt());
            }
            reply(exchange, answer);
        }
    }

    private JsonNode answer(String name, Map<String, String> params) {
        if (!TOKEN.equals(params.get("access_token"))) {
            return error(5, "User authorization failed: invalid access_token");
        }
        synchronized (this) {
            long now = System.nanoTime();
            while (!calls.isEmpty() && now - calls.peekFirst() >= 1_000_000_000L) {
                calls.pollFirst();
            }
            if (calls.size() >= requestsPerSecond) {
                return error(6, "Too many requests per second");
            }
            calls.add(now);
        }
        return switch (name) {
            case "groups.getLongPollServer" -> response(JSON.createObjectNode().put("key", "lp-key")
                    .put("server", "http://127.0.0.1:" + server.getAddress().getPort() + "/lp").put("ts", "0"));
            case "messages.send" -> send(params);
            case "messages.sendMessageEventAnswer" -> {
                eventAnswers.add(params);
                yield response(JSON.getNodeFactory().numberNode(1));
            }
            case "photos.getMessagesUploadServer" -> response(JSON.createObjectNode()
                    .put("upload_url", "http://127.0.0.1:" + server.getAddress().getPort() + "/upload")
                    .put("album_id", -3).put("group_id", GROUP_ID));
            case "photos.saveMessagesPhoto" -> "uploaded-photo".equals(params.get("photo"))
                    ? response(JSON.createArrayNode().add(JSON.createObjectNode().put("id", 55).put("owner_id", -GROUP_ID)
                    .put("date", 1760000000)))
                    : error(100, "One of the parameters specified was missing or invalid: photo");
            default -> error(3, "Unknown method passed");
        };
    }

    private JsonNode send(Map<String, String> params) {
        long now = System.nanoTime();
        sendAttempts.add(now);
        long peer = Long.parseLong(params.get("peer_id"));
        int randomId = Integer.parseInt(params.getOrDefault("random_id", "0"));
        synchronized (this) {
            Integer forced = forcedErrors.poll();
            if (forced != null) {
                return error(forced, switch (forced) {
                    case 6 -> "Too many requests per second";
                    case 9 -> "Flood control";
                    default -> "Internal server error";
                });
            }
            if (blocked.contains(peer)) {
                return error(901, "Can't send messages for users without permission");
            }
        }
        String text = params.get("message");
        if ((text == null || text.isEmpty()) && params.get("attachment") == null) {
            return error(100, "One of the parameters specified was missing or invalid: message is empty");
        }
        if (text != null && text.length() > 9000) {
            return error(914, "Message is too long");
        }
        JsonNode keyboard = null;
        if (params.get("keyboard") != null) {
            keyboard = JSON.readTree(params.get("keyboard"));
            String problem = keyboardProblem(keyboard);
            if (problem != null) {
                return error(911, "Keyboard format is invalid: " + problem);
            }
        }
        synchronized (this) {
            // VK: a message with a random_id already used for this chat is not sent again
            Integer known = randomId == 0 ? null : randomIds.get(peer + "/" + randomId);
            if (known != null) {
                return response(JSON.getNodeFactory().numberNode(known));
            }
            int id = messageIds.getAndIncrement();
            randomIds.put(peer + "/" + randomId, id);
            delivered.add(new Sent(peer, randomId, text, keyboard, params.get("attachment"), now));
            if (slowCount > 0) {
                slowCount--;
                try {
                    Thread.sleep(slowReplies);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return response(JSON.getNodeFactory().numberNode(id));
        }
    }

    private static String keyboardProblem(JsonNode keyboard) {
        if (!keyboard.path("inline").asBoolean(false)) {
            return "not inline";
        }
        JsonNode rows = keyboard.path("buttons");
        int count = 0;
        if (rows.size() > 6) {
            return "more than 6 rows";
        }
        for (JsonNode row : rows) {
            for (JsonNode button : row) {
                count++;
                JsonNode action = button.path("action");
                if (!"callback".equals(action.path("type").asString())) {
                    return "not a callback button";
                }
                if (action.path("label").asString("").length() > 40) {
                    return "label longer than 40";
                }
                if (action.path("payload").asString("").length() > 255) {
                    return "payload longer than 255";
                }
            }
        }
        return count > 10 ? "more than 10 buttons" : null;
    }

    private void longPoll(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> params = query(exchange.getRequestURI().getRawQuery());
            params.putAll(form(exchange));
            if (!"lp-key".equals(params.get("key"))) {
                reply(exchange, JSON.createObjectNode().put("failed", 2));
                return;
            }
            int ts = Integer.parseInt(params.getOrDefault("ts", "0"));
            long deadline = System.currentTimeMillis() + Math.min(2000, Long.parseLong(params.getOrDefault("wait", "1")) * 1000);
            ObjectNode answer;
            synchronized (this) {
                while (events.size() <= ts && System.currentTimeMillis() < deadline) {
                    try {
                        wait(Math.max(1, deadline - System.currentTimeMillis()));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
                answer = JSON.createObjectNode().put("ts", String.valueOf(events.size()));
                var updates = answer.putArray("updates");
                events.subList(Math.min(ts, events.size()), events.size()).forEach(event -> updates.add(JSON.readTree(event)));
            }
            reply(exchange, answer);
        }
    }

    private void upload(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean hasPhoto = new String(body, StandardCharsets.ISO_8859_1).contains("name=\"photo\"");
            reply(exchange, hasPhoto ? JSON.createObjectNode().put("server", 1).put("photo", "uploaded-photo").put("hash", "h1")
                    : JSON.createObjectNode().put("error", "no photo"));
        }
    }

    private static ObjectNode response(JsonNode value) {
        ObjectNode node = JSON.createObjectNode();
        node.set("response", value);
        return node;
    }

    private static ObjectNode error(int code, String message) {
        ObjectNode node = JSON.createObjectNode();
        node.putObject("error").put("error_code", code).put("error_msg", message).putArray("request_params");
        return node;
    }

    private static void reply(HttpExchange exchange, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> params = query(exchange.getRequestURI().getRawQuery());
        params.putAll(query(body));
        return params;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }
}
