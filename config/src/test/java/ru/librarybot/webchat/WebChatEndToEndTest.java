package ru.librarybot.webchat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The web chat in the whole application over real HTTP: the engine, the in-memory store and Tomcat. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WebChatEndToEndTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Test
    void greetsAStartWithTheMenuAsButtons() throws Exception {
        HttpResponse<String> response = post("{\"user\":\"e2e-start\",\"text\":\"/start\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = json.readTree(response.body());
        assertThat(answer.path("intent").asString()).isEqualTo("HELP");
        assertThat(answer.path("replies").get(0).path("text").asString()).contains("Здравствуйте");
        assertThat(answer.path("replies").get(0).path("buttons").size()).isGreaterThan(1);
    }

    @Test
    void answersAButtonItOffered() throws Exception {
        JsonNode menu = json.readTree(post("{\"user\":\"e2e-button\",\"text\":\"/start\"}").body());
        JsonNode button = menu.path("replies").get(0).path("buttons").get(0);
        String payload = button.path("payload").asString();

        HttpResponse<String> response = post("{\"user\":\"e2e-button\",\"button\":\"" + payload + "\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = json.readTree(response.body());
        assertThat(payload).startsWith(answer.path("intent").asString());
        assertThat(answer.path("replies").get(0).path("text").asString()).isNotBlank();
    }

    @Test
    void refusesAButtonItNeverOffered() throws Exception {
        HttpResponse<String> response = post("{\"user\":\"e2e-unknown\",\"button\":\"SELF_DESTRUCT:now\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).path("error").asString()).contains("кнопка устарела");
    }

    @Test
    void refusesATextOneCharacterOverTheLimit() throws Exception {
        HttpResponse<String> response = post("{\"user\":\"e2e-long\",\"text\":\"" + "ы".repeat(4001) + "\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).path("error").asString())
                .contains("Сообщение слишком длинное").contains("4001");
    }

    @Test
    void refusesATenThousandCharacterBodyOfValidJsonWithA400() throws Exception {
        String prefix = "{\"user\":\"e2e-body\",\"text\":\"";
        String body = prefix + "a".repeat(10_000 - prefix.length() - 2) + "\"}";
        assertThat(body).hasSize(10_000);

        HttpResponse<String> response = post(body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).path("error").asString()).contains("Сообщение слишком длинное");
    }

    @Test
    void refusesAnOversizeChunkedBodyThatDeclaresNoLength() throws Exception {
        byte[] huge = ("{\"user\":\"e2e-huge\",\"text\":\"" + "a".repeat(100_000) + "\"}").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = post(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)),
                "application/json");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json.readTree(response.body()).path("error").asString()).contains("не больше 4000 знаков");
    }

    @Test
    void refusesABrokenMultipartBodyWithoutAServerError() throws Exception {
        HttpResponse<String> response = post(BodyPublishers.ofString("--xyz\r\nнеоконченная часть"),
                "multipart/form-data; boundary=xyz");

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(json.readTree(response.body()).path("error").asString()).contains("application/json");
    }

    @Test
    void refusesAGetOfTheMessagesWithA405AndAReason() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/webchat/messages")).GET().build(),
                BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(json.readTree(response.body()).path("error").asString()).contains("POST");
    }

    @Test
    void servesTheChatPageAtTheRoot() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/")).GET().build(), BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body())
                .contains("<html lang=\"ru\">")
                .contains("data-librarybot-chat")
                .contains("role=\"log\"")
                .contains("aria-live=\"polite\"")
                .contains("webchat/webchat.js");
        HttpResponse<String> script = http.send(HttpRequest.newBuilder(uri("/webchat/webchat.js")).GET().build(),
                BodyHandlers.ofString());
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("api/webchat/messages");
    }

    @Test
    void givesThePageTheLibrarysOwnNameFromItsProfile() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/webchat/config")).GET().build(),
                BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("title").asString()).isEqualTo("Библиотеки Верхнеозёрска");
    }

    private HttpResponse<String> post(String body) throws Exception {
        return post(BodyPublishers.ofString(body), "application/json");
    }

    private HttpResponse<String> post(BodyPublisher body, String contentType) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/webchat/messages"))
                .header("Content-Type", contentType)
                .POST(body)
                .build();
        return http.send(request, BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
