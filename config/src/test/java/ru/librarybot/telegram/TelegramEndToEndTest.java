package ru.librarybot.telegram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Telegram in the whole application, in webhook mode, against the local fake Bot API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TelegramEndToEndTest {

    private static final FakeBotApi API = start();
    private static final String SECRET = "webhook-secret-for-tests";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void pointAtTheFake(DynamicPropertyRegistry properties) {
        properties.add("librarybot.telegram.token", () -> FakeBotApi.TOKEN);
        properties.add("librarybot.telegram.api-url", API::url);
        properties.add("librarybot.telegram.webhook-url", () -> "https://library.example/api/telegram/webhook");
        properties.add("librarybot.telegram.webhook-secret", () -> SECRET);
    }

    @AfterAll
    static void stopFake() {
        API.close();
    }

    @Test
    void registersTheWebhookWithItsSecretAndAnswersAReaderThroughTheEngine() throws Exception {
        await().until(() -> SECRET.equals(API.webhookSecret()));
        assertThat(API.webhookUrl()).isEqualTo("https://library.example/api/telegram/webhook");

        HttpResponse<String> response = post(SECRET, TelegramConnectorTest.message(7001, 5001, 5001, "private", "/start"));

        assertThat(response.statusCode()).isEqualTo(200);
        await().until(() -> API.sentTo("5001").size() == 1);
        FakeBotApi.Sent greeting = API.sentTo("5001").getFirst();
        assertThat(greeting.text()).contains("Здравствуйте");
        assertThat(greeting.callbackData()).hasSizeGreaterThan(1);
    }

    @Test
    void answersAMenuButtonPressedOnTelegram() throws Exception {
        post(SECRET, TelegramConnectorTest.message(7101, 5101, 5101, "private", "/start"));
        await().until(() -> API.sentTo("5101").size() == 1);
        String payload = API.sentTo("5101").getFirst().callbackData().getFirst();

        post(SECRET, TelegramConnectorTest.press(7102, 5101, 5101, "cb-e2e", payload));

        await().until(() -> API.sentTo("5101").size() == 2);
        assertThat(API.sentTo("5101").get(1).text()).isNotBlank();
        assertThat(API.callbackAnswers()).anySatisfy(answer ->
                assertThat(answer.path("callback_query_id").asText()).isEqualTo("cb-e2e"));
    }

    @Test
    void refusesWebhookCallsWithoutTheSecretAndHandlesNothing() throws Exception {
        assertThat(post(null, TelegramConnectorTest.message(7201, 5201, 5201, "private", "/start")).statusCode())
                .isEqualTo(401);
        assertThat(post("guess", TelegramConnectorTest.message(7202, 5201, 5201, "private", "/start")).statusCode())
                .isEqualTo(401);
        assertThat(post(SECRET, "{\"update_id\": 7203, \"message\": {").statusCode()).isEqualTo(400);
        assertThat(post(SECRET, "[1, 2, 3]").statusCode()).isEqualTo(400);

        Thread.sleep(500);
        assertThat(API.sentTo("5201")).isEmpty();
    }

    private HttpResponse<String> post(String secret, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/telegram/webhook"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static FakeBotApi start() {
        try {
            return new FakeBotApi();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
