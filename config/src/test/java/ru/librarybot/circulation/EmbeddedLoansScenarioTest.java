package ru.librarybot.circulation;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The scenario on a fresh embedded store: the demo readers are loaded at start. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.quartz.auto-startup=false")
@ActiveProfiles("test")
class EmbeddedLoansScenarioTest extends LoansScenario {
}
