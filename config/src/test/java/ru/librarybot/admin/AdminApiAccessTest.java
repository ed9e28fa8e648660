package ru.librarybot.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "librarybot.admin-token=s3cret-token-for-tests")
@ActiveProfiles("test")
class AdminApiAccessTest {

    @LocalServerPort
    int port;

    @Test
    void theRightBearerTokenOpensTheAdminApi() {
        assertThat(statusOfAdminApi(port, "Bearer s3cret-token-for-tests")).isEqualTo(200);
    }

    @Test
    void aWrongOrMissingTokenIsRefused() {
        assertThat(statusOfAdminApi(port, "Bearer guess")).isEqualTo(401);
        assertThat(statusOfAdminApi(port, null)).isEqualTo(401);
        assertThat(statusOfAdminApi(port, "s3cret-token-for-tests")).isEqualTo(401);
    }

    @Test
    void theRestOfTheBotNeedsNoToken() {
        int health = RestClient.create().get().uri("http://127.0.0.1:" + port + "/actuator/health")
                .exchange((request, response) -> response.getStatusCode().value());
        assertThat(health).isEqualTo(200);
    }

    static int statusOfAdminApi(int port, String authorization) {
        return RestClient.create().get().uri("http://127.0.0.1:" + port + "/api/admin/status")
                .headers(h -> {
                    if (authorization != null) {
                        h.set("Authorization", authorization);
                    }
                })
                .exchange((request, response) -> response.getStatusCode().value());
    }
}
