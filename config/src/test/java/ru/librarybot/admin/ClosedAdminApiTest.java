package ru.librarybot.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "librarybot.admin-token=")
@ActiveProfiles("test")
class ClosedAdminApiTest {

    @LocalServerPort
    int port;

    @Test
    void withNoTokenConfiguredTheAdminApiIsClosedToEveryone() {
        assertThat(AdminApiAccessTest.statusOfAdminApi(port, "Bearer anything")).isEqualTo(403);
        assertThat(AdminApiAccessTest.statusOfAdminApi(port, "Bearer ")).isEqualTo(403);
    }
}
