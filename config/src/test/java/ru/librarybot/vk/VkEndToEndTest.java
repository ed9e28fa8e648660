package ru.librarybot.vk;

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

/** VK in the whole application, over the Callback API, against the local fake VK API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class VkEndToEndTest {

    private static final FakeVkApi API = start();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void pointAtTheFake(DynamicPropertyRegistry properties) {
        properties.add("librarybot.vk.token", () -> FakeVkApi.TOKEN);
        properties.add("librarybot.vk.group-id", () -> FakeVkApi.GROUP_ID);
        properties.add("librarybot.vk.api-url", API::url);
        properties.add("librarybot.vk.confirmation-code", () -> "c0nf1rm");
        properties.add("librarybot.vk.secret", () -> "s3cret");
    }

    @AfterAll
    static void stopFake() {
        API.close();
    }

    @Test
    void confirmsTheServerToVk() throws Exception {
        HttpResponse<String> response = post("{\"type\":\"confirmation\",\"group_id\":123}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("c0nf1rm");
    }

    @Test
    void answersAReaderThroughTheEngineWithCallbackButtons() throws Exception {
        HttpResponse<String> response = post(VkConnectorTest.messageNew("e2e-1", 6001, 6001, "Начать"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ok");
        await().until(() -> API.deliveredTo(6001).size() == 1);
        assertThat(API.deliveredTo(6001).getFirst().buttons()).isNotEmpty().doesNotContainNull();
    }

    @Test
    void answersAMenuButtonPressedOnVk() throws Exception {
        post(VkConnectorTest.messageNew("e2e-2", 6101, 6101, "/start"));
        await().until(() -> API.deliveredTo(6101).size() == 1);
        String payload = API.deliveredTo(6101).getFirst().buttons().getFirst();

        post(VkConnectorTest.messageEvent("e2e-3", 6101, 6101, "press-1", payload));

        await().until(() -> API.deliveredTo(6101).size() == 2);
        assertThat(API.eventAnswers()).anySatisfy(answer -> assertThat(answer).containsEntry("event_id", "press-1"));
    }

    @Test
    void refusesEventsWithAWrongSecretOrBrokenJsonAndHandlesNothing() throws Exception {
        HttpResponse<String> forged = post(VkConnectorTest.messageNew("e2e-4", 6201, 6201, "привет").replace("s3cret", "x"));
        HttpResponse<String> broken = post("{\"type\":\"message_new\",");

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(broken.statusCode()).isEqualTo(400);
        Thread.sleep(500);
        assertThat(API.deliveredTo(6201)).isEmpty();
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/vk/callback"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static FakeVkApi start() {
        try {
            return new FakeVkApi();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
