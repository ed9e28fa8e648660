package ru.librarybot.circulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;


@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"librarybot.admin-token=s3cret-token-for-tests", "spring.quartz.auto-startup=false"})
@ActiveProfiles("test")
class RemindersAdminApiTest {

    @LocalServerPort
    int port;

    /** Quiet hours well away from now, whenever the test runs. */
    @DynamicPropertySource
    static void daytime(DynamicPropertyRegistry registry) {
        ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Europe/Moscow"));
        registry.add("librarybot.reminders.quiet-from", () -> now.plusHours(2).toLocalTime().withSecond(0).withNano(0));
        registry.add("librarybot.reminders.quiet-until", () -> now.plusHours(3).toLocalTime().withSecond(0).withNano(0));
    }

    @Test
    void aLibrarianWithTheTokenSendsTodaysRemindersNowToReadersWhoJustLinkedTheirCard() {
        for (String message : new String[] {"{\"user\":\"admin-run\",\"button\":\"LINK_CARD\"}",
                "{\"user\":\"admin-run\",\"text\":\"1000001\"}", "{\"user\":\"admin-run\",\"text\":\"1234\"}"}) {
            RestClient.create().post().uri("http://127.0.0.1:" + port + "/api/webchat/messages")
                    .header("Content-Type", "application/json").body(message).retrieve().toBodilessEntity();
        }

        assertThat(runNow()).isEqualTo("{\"readersWithLoansDue\":1,\"queued\":1,\"sentBefore\":0,\"undeliverable\":0}");
        assertThat(runNow()).as("asked again").contains("\"queued\":0");
        String inbox = RestClient.create().get().uri("http://127.0.0.1:" + port + "/api/webchat/inbox?user=admin-run")
                .retrieve().body(String.class);
        assertThat(inbox).contains("Напоминание из библиотеки", "RENEW:all");
    }

    private String runNow() {
        return RestClient.create().post().uri("http://127.0.0.1:" + port + "/api/admin/reminders/run")
                .header("Authorization", "Bearer s3cret-token-for-tests").retrieve().body(String.class);
    }

    @Test
    void withoutTheTokenNothingIsSent() {
        int status = RestClient.create().post().uri("http://127.0.0.1:" + port + "/api/admin/reminders/run")
                .exchange((request, response) -> response.getStatusCode().value());

        assertThat(status).isEqualTo(401);
    }
}
