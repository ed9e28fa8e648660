package ru.librarybot.telegram;

import java.io.IOException;
import java.net.InetSocketAddress;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for the Telegram Bot API: the documented methods the connector uses, their JSON, and their
 * refusals (429 with retry_after past the flood limits, 403 for a reader who blocked the bot, 400 for a text over
 * 4,096 characters or callback data over 64 bytes).
 */
final class FakeBotApi implements AutoCloseable {

    static final String TOKEN = "123456:TEST-token";
    static final long BOT_ID = 999;
    static final String BOT_USERNAME = "library_bot";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A message the bot sent, as Telegram received it. */
    record Sent(String method, String chatId, String text, JsonNode replyMarkup, byte[] photo, long atNanos) {
        List<String> callbackData() {
            List<String> data = new ArrayList<>();
            if (replyMarkup != null) {
                replyMarkup.path("inline_keyboard").forEach(row -> row.forEach(b -> data.add(b.path("callback_data").asText())));
            }
            return data;
        }
    }

    /** A refusal handed out, to check the sender waited as asked. */
    record Refusal(int code, int retryAfter, long atNanos) {
    }

    private final HttpServer server;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<Long> sendAttempts = new CopyOnWriteArrayList<>();
    private final List<Refusal> refusals = new CopyOnWriteArrayList<>();
    private final List<JsonNode> callbackAnswers = new CopyOnWriteArrayList<>();
    private final Deque<ObjectNode> pendingUpdates = new ArrayDeque<>();
    private final Set<String> blockedChats = new HashSet<>();
    private final Deque<Integer> forcedFailures = new ArrayDeque<>();
    private final Map<String, Deque<Long>> perChat = new HashMap<>();
    private final Deque<Long> overall = new ArrayDeque<>();
    private final AtomicInteger messageIds = new AtomicInteger(1);
    private final AtomicInteger getUpdatesCalls = new AtomicInteger();
    private volatile int confirmedOffset;
    private volatile String webhookUrl;
    private volatile String webhookSecret;
    private int forcedRetryAfter = 1;
    private int overallPerSecond = 30;
    private int perChatPerSecond = 1;

    FakeBotApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::serve);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    // ---- what a test arranges

    synchronized void queueUpdate(String json) {
        try {
            pendingUpdates.add((ObjectNode) JSON.readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
        notifyAll();
    }

    synchronized void block(String chatId) {
        blockedChats.add(chatId);
    }

    /** The next {@code count} sends are refused with this code (429 carries retry_after). */
    synchronized void failNext(int count, int code, int retryAfter) {
        for (int i = 0; i < count; i++) {
            forcedFailures.add(code);
        }
        forcedRetryAfter = retryAfter;
    }

    /** Raises Telegram's flood limits (30 a second overall, 1 a second per chat), as benchmarks need. */
    synchronized void floodLimits(int overallPerSecond, int perChatPerSecond) {
        this.overallPerSecond = overallPerSecond;
        this.perChatPerSecond = perChatPerSecond;
    }

    // ---- what a test checks

    List<Sent> sent() {
        return List.copyOf(sent);
    }

    List<Sent> sentTo(String chatId) {
        return sent.stream().filter(s -> s.chatId().equals(chatId)).toList();
    }

    List<Long> sendAttempts() {
        return List.copyOf(sendAttempts);
    }

    List<Refusal> refusals() {
        return List.copyOf(refusals);
    }

    List<JsonNode> callbackAnswers() {
        return List.copyOf(callbackAnswers);
    }

    int confirmedOffset() {
        return confirmedOffset;
    }

    int getUpdatesCalls() {
        return getUpdatesCalls.get();
    }

    String webhookUrl() {
        return webhookUrl;
    }

    String webhookSecret() {
        return webhookSecret;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ---- the Bot API

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            serveApi(exchange);
        } catch (IOException | RuntimeException e) {
            e.printStackTrace();
            throw e;
        }
    }

    private void serveApi(HttpExchange exchange) throws IOException {
        {
            String path = exchange.getRequestURI().getPath();
            String prefix = "/bot" + TOKEN + "/";
            if (!path.startsWith(prefix)) {
                reply(exchange, 401, error(401, "Unauthorized"));
                return;
            }
            // Bot API method names are case-insensitive
            String method = path.substring(prefix.length()).toLowerCase(java.util.Locale.ROOT);
            Map<String, Object> params = params(exchange);
            ObjectNode answer = switch (method) {
                case "getme" -> ok(JSON.createObjectNode().put("id", BOT_ID).put("is_bot", true)
                        .put("first_name", "Библиотека").put("username", BOT_USERNAME));
                case "deletewebhook" -> {
                    webhookUrl = null;
                    yield ok(JSON.getNodeFactory().booleanNode(true));
                }
                case "setwebhook" -> {
                    webhookUrl = (String) params.get("url");
                    webhookSecret = (String) params.get("secret_token");
                    yield ok(JSON.getNodeFactory().booleanNode(true));
                }
                case "getupdates" -> getUpdates(params);
                case "answercallbackquery" -> {
                    callbackAnswers.add(JSON.valueToTree(params));
                    yield ok(JSON.getNodeFactory().booleanNode(true));
                }
                case "sendmessage", "sendphoto" -> send(method, params);
                default -> error(404, "Not Found: method not found: " + method);
            };
            reply(exchange, answer.path("ok").asBoolean() ? 200 : answer.path("error_code").asInt(), answer);
        }
    }

    private ObjectNode getUpdates(Map<String, Object> params) {
        getUpdatesCalls.incrementAndGet();
        int offset = params.containsKey("offset") ? Integer.parseInt(params.get("offset").toString()) : 0;
        long timeoutMs = params.containsKey("timeout") ? Long.parseLong(params.get("timeout").toString()) * 1000 : 0;
        long deadline = System.currentTimeMillis() + Math.min(timeoutMs, 2000);
        synchronized (this) {
            // Bot API: an update is confirmed, and never served again, once getUpdates is called with a higher offset
            pendingUpdates.removeIf(update -> update.path("update_id").asInt() < offset);
            confirmedOffset = Math.max(confirmedOffset, offset);
            while (pendingUpdates.isEmpty() && System.currentTimeMillis() < deadline) {
                try {
                    wait(Math.max(1, deadline - System.currentTimeMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            var result = JSON.createArrayNode();
            pendingUpdates.stream().limit(100).forEach(result::add);
            return ok(result);
        }
    }

    private synchronized ObjectNode send(String method, Map<String, Object> params) {
        long now = System.nanoTime();
        sendAttempts.add(now);
        String chatId = String.valueOf(params.get("chat_id"));
        Integer forced = forcedFailures.poll();
        if (forced != null) {
            refusals.add(new Refusal(forced, forced == 429 ? forcedRetryAfter : 0, now));
            return forced == 429 ? tooMany(forcedRetryAfter) : error(forced, "Internal Server Error");
        }
        if (blockedChats.contains(chatId)) {
            return error(403, "Forbidden: bot was blocked by the user");
        }
        String text = (String) params.get(method.equals("sendphoto") ? "caption" : "text");
        if (method.equals("sendmessage") && (text == null || text.isEmpty())) {
            return error(400, "Bad Request: message text is empty");
        }
        if (method.equals("sendmessage") && text.length() > 4096) {
            return error(400, "Bad Request: message is too long");
        }
        if (method.equals("sendphoto") && text != null && text.length() > 1024) {
            return error(400, "Bad Request: message caption is too long");
        }
        JsonNode markup = null;
        if (params.get("reply_markup") != null) {
            try {
                markup = JSON.readTree(params.get("reply_markup").toString());
            } catch (IOException e) {
                return error(400, "Bad Request: can't parse reply keyboard markup JSON object");
            }
            for (JsonNode row : markup.path("inline_keyboard")) {
                for (JsonNode button : row) {
                    if (button.path("callback_data").asText().getBytes(StandardCharsets.UTF_8).length > 64) {
                        return error(400, "Bad Request: BUTTON_DATA_INVALID");
                    }
                }
            }
        }
        // flood limits: 30 a second overall and 1 a second per chat unless raised, 20 a minute per group
        if (exceeds(overall, now, overallPerSecond, 1_000_000_000L)
                || exceeds(perChat.computeIfAbsent(chatId, c -> new ArrayDeque<>()), now, perChatPerSecond, 1_000_000_000L)
                || (chatId.startsWith("-") && exceeds(perChat.computeIfAbsent("group" + chatId,
                c -> new ArrayDeque<>()), now, 20, 60_000_000_000L))) {
            refusals.add(new Refusal(429, 1, now));
            return tooMany(1);
        }
        overall.add(now);
        perChat.get(chatId).add(now);
        if (chatId.startsWith("-")) {
            perChat.get("group" + chatId).add(now);
        }
        Object photo = params.get("photo");
        if (photo instanceof String reference && reference.startsWith("attach://")) {
            photo = params.get(reference.substring("attach://".length()));
        }
        sent.add(new Sent(method, chatId, text, markup, (byte[]) photo, now));
        ObjectNode message = JSON.createObjectNode().put("message_id", messageIds.getAndIncrement())
                .put("date", System.currentTimeMillis() / 1000);
        message.putObject("chat").put("id", Long.parseLong(chatId)).put("type", chatId.startsWith("-") ? "group" : "private");
        return ok(message);
    }

    private static boolean exceeds(Deque<Long> window, long now, int count, long periodNanos) {
        while (!window.isEmpty() && now - window.peekFirst() >= periodNanos) {
            window.pollFirst();
        }
        return window.size() >= count;
    }

    private static ObjectNode ok(JsonNode result) {
        ObjectNode node = JSON.createObjectNode().put("ok", true);
        node.set("result", result);
        return node;
    }

    private static ObjectNode error(int code, String description) {
        return JSON.createObjectNode().put("ok", false).put("error_code", code).put("description", description);
    }

    private static ObjectNode tooMany(int retryAfter) {
        ObjectNode node = error(429, "Too Many Requests: retry after " + retryAfter);
        node.putObject("parameters").put("retry_after", retryAfter);
        return node;
    }

    private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** Parameters from a JSON body, a form, or a multipart form (sendPhoto carries the picture's bytes). */
    private static Map<String, Object> params(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        Map<String, Object> params = new LinkedHashMap<>();
        if (type.startsWith("application/json")) {
            JSON.readTree(body).properties().forEach(e -> params.put(e.getKey(),
                    e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        } else if (type.startsWith("multipart/form-data")) {
            String boundary = "--" + type.substring(type.indexOf("boundary=") + "boundary=".length()).replace("\"", "");
            multipart(body, boundary, params);
        }
        return params;
    }

    private static void multipart(byte[] body, String boundary, Map<String, Object> params) {
        String raw = new String(body, StandardCharsets.ISO_8859_1);
        for (String part : raw.split(java.util.regex.Pattern.quote(boundary))) {
            int headersEnd = part.indexOf("\r\n\r\n");
            if (headersEnd < 0) {
                continue;
            }
            String headers = part.substring(0, headersEnd);
            String content = part.substring(headersEnd + 4, Math.max(headersEnd + 4, part.length() - 2));
            java.util.regex.Matcher name = java.util.regex.Pattern.compile("name=\"([^\"]+)\"").matcher(headers);
            if (!name.find()) {
                continue;
            }
            byte[] bytes = content.getBytes(StandardCharsets.ISO_8859_1);
            params.put(name.group(1), headers.contains("filename=") ? bytes : new String(bytes, StandardCharsets.UTF_8));
        }
    }

}
