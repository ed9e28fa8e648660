package ru.librarybot.circulation;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.librarybot.circulation.sip2.Sip2Emulator;

/** The scenario with the loans in a library system the bot reaches over SIP2, in windows-1251. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.quartz.auto-startup=false")
@ActiveProfiles("test")
class Sip2LoansScenarioTest extends LoansScenario {

    private static Sip2Emulator library;

    @DynamicPropertySource
    static void sip2(DynamicPropertyRegistry registry) throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));
        library = new Sip2Emulator(Charset.forName("windows-1251")).today(today)
                .patron("1000001", "1234", "Иванова Мария Петровна")
                .loan("1000001", "2000000101", "Преступление и наказание", today.minusDays(5))
                .loan("1000001", "2000000102", "Мастер и Маргарита", today.plusDays(3))
                .loan("1000001", "2000000103", "Тихий Дон. Книга 1", today.plusDays(7))
                .holds("2000000103", 1);
        registry.add("librarybot.circulation.sip2.host", () -> "127.0.0.1");
        registry.add("librarybot.circulation.sip2.port", library::port);
        registry.add("librarybot.circulation.sip2.user", () -> "bot");
        registry.add("librarybot.circulation.sip2.password", () -> "secret");
        registry.add("librarybot.circulation.sip2.location", () -> "BOT-1");
        registry.add("librarybot.circulation.sip2.institution", () -> "LIB");
        registry.add("librarybot.circulation.sip2.charset", () -> "windows-1251");
    }

    @AfterAll
    static void stopLibrary() throws Exception {
        library.close();
    }
}
