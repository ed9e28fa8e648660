package ru.librarybot.circulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.librarybot.library.LibraryProfile;
import ru.librarybot.scheduling.reminders.Reminders;

/**
 * The "done" scenario in the whole application, through the web chat API: the demo reader links the
 * card, sees the loans, renews one, is refused for the reserved one with the reason, and the next reminder run
 * sends them one digest, which the chat page collects from its inbox.
 */
abstract class LoansScenario {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    Reminders reminders;
    @Autowired
    LibraryProfile library;
    @Autowired
    Clock clock;


    @Test
    void theDemoReaderLinksSeesRenewsIsRefusedForTheReservedBookAndGetsOneDigest() throws Exception {
        java.time.Instant previousRun = clock.instant();
        String user = "scenario-" + getClass().getSimpleName();
        JsonNode asked = send(user, "button", "LOANS");
        assertThat(text(asked)).contains("привязать читательский билет");
        assertThat(text(send(user, "text", "1000001"))).contains("PIN-код");

        JsonNode loans = send(user, "text", "1234");
        assertThat(text(loans)).contains("Билет •••• 0001 привязан", "«Преступление и наказание»", "Срок сдачи прошёл",
                "«Мастер и Маргарита»", "«Тихий Дон");

        JsonNode renewed = send(user, "button", renewButtonUnder(loans, "Преступление и наказание"));
        assertThat(text(renewed)).startsWith("Продлено: «Преступление и наказание». Теперь вернуть до");

        JsonNode refused = send(user, "button", renewButtonUnder(send(user, "button", "LOANS"), "Тихий Дон"));
        assertThat(text(refused)).contains("Не получилось продлить «Тихий Дон", "эту книгу ждёт другой читатель");

        LocalDate today = LocalDate.now(clock.withZone(library.zone()));
        Reminders.Report run = reminders.run(today, today, previousRun);

        assertThat(run.queued()).isEqualTo(1);
        JsonNode inbox = inbox(user);
        assertThat(inbox.path("replies")).hasSize(1);
        JsonNode digest = inbox.path("replies").get(0);
        assertThat(digest.path("text").asString()).contains("по билету •••• 0001", "Скоро срок сдачи",
                "«Мастер и Маргарита»").doesNotContain("Преступление и наказание", "Тихий Дон");
        assertThat(digest.path("buttons").findValuesAsString("payload")).contains("RENEW:all");
        assertThat(inbox(user).path("replies")).as("handed over once").isEmpty();
        assertThat(reminders.run(today, today, previousRun).queued()).as("the same day again").isZero();
    }

    private JsonNode send(String user, String kind, String value) throws Exception {
        String body = json.writeValueAsString(java.util.Map.of("user", user, kind, value));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/webchat/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode inbox(String user) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/webchat/inbox?user=" + user)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static String text(JsonNode answer) {
        List<String> texts = new ArrayList<>();
        answer.path("replies").forEach(reply -> texts.add(reply.path("text").asString()));
        return String.join("\n", texts);
    }

    private static String renewButtonUnder(JsonNode answer, String title) {
        for (JsonNode reply : answer.path("replies")) {
            if (reply.path("text").asString().contains(title)) {
                for (JsonNode button : reply.path("buttons")) {
                    if (button.path("payload").asString().startsWith("RENEW:")) {
                        return button.path("payload").asString();
                    }
                }
            }
        }
        throw new AssertionError("No renew button under «" + title + "» in " + answer);
    }
}
