package ru.librarybot.catalog;

import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.repository.config.EnableMongoRepositories;

import ru.librarybot.conversation.Answer;
import ru.librarybot.conversation.Awaiting;
import ru.librarybot.conversation.Button;
import ru.librarybot.conversation.Channel;
import ru.librarybot.conversation.ConversationEngine;
import ru.librarybot.conversation.InboundMessage;
import ru.librarybot.conversation.Intent;
import ru.librarybot.conversation.Outcome;
import ru.librarybot.conversation.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog wired as the application wires it, answering through the real conversation engine. */
class CatalogInTheConversationTest {

    private static ConfigurableApplicationContext app;
    private static ConversationEngine engine;

    @Configuration(proxyBeanMethods = false)
    @ComponentScan(basePackages = {"ru.librarybot.conversation", "ru.librarybot.catalog", "ru.librarybot.library",
            "ru.librarybot.delivery"},
            excludeFilters = @ComponentScan.Filter(type = org.springframework.context.annotation.FilterType.REGEX,
                    pattern = "ru\\.librarybot\\.catalog\\..*Test.*"))
    @EnableMongoRepositories(basePackages = {"ru.librarybot.conversation", "ru.librarybot.delivery"})
    static class Store {

        @Bean(destroyMethod = "shutdownNow")
        MongoServer mongoServer() {
            MongoServer server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            return server;
        }

        @Bean(destroyMethod = "close")
        MongoClient mongoClient(MongoServer server) {
            return MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/test");
        }

        @Bean
        MongoTemplate mongoTemplate(MongoClient client) {
            return new MongoTemplate(client, "test");
        }
    }

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(Store.class).web(WebApplicationType.NONE)
                .properties("librarybot.catalog.index-dir=", "spring.main.banner-mode=off").run();
        engine = app.getBean(ConversationEngine.class);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aNewInstallationAnswersFromTheDemoCatalog() {
        Answer answer = engine.handle(InboundMessage.text(Channel.TELEGRAM, "1001", "есть ли у вас Мастер и Маргарита?"));

        assertThat(answer.intent()).isEqualTo(Intent.AVAILABILITY);
        assertThat(answer.outcome()).isEqualTo(Outcome.ANSWERED);
        assertThat(text(answer)).contains("«Мастер и Маргарита»", "Центральная библиотека: свободно 2");
        assertThat(app.getBean(Catalog.class).count()).isGreaterThan(700);
    }

    @Test
    void theFindABookButtonAsksWhichBookAndTheNextMessageIsTheAnswer() {
        Answer question = engine.handle(InboundMessage.button(Channel.VK, "1002", "AVAILABILITY"));
        Answer answer = engine.handle(InboundMessage.text(Channel.VK, "1002", "гарри поттер и философский камень"));

        assertThat(question.awaiting()).isEqualTo(Awaiting.BOOK_QUERY);
        assertThat(answer.intent()).isEqualTo(Intent.AVAILABILITY);
        assertThat(text(answer)).contains("«Гарри Поттер и философский камень»");
    }

    @Test
    void suggestingToBuyAMissingBookGetsTheHonestNotConnectedAnswerForNow() {
        Answer notFound = engine.handle(InboundMessage.text(Channel.TELEGRAM, "1003", "есть ли у вас Гроздья гнева?"));
        Button wish = notFound.replies().getFirst().buttons().stream().filter(b -> b.payload().startsWith("WISH"))
                .findFirst().orElseThrow();

        Answer pressed = engine.handle(InboundMessage.button(Channel.TELEGRAM, "1003", wish.payload()));

        assertThat(notFound.outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(pressed.outcome()).isEqualTo(Outcome.UNAVAILABLE);
        assertThat(text(pressed)).contains("пока не подключена");
    }

    @Test
    void theEngineKnowsTheButtonsTheCatalogOffers() {
        Answer answer = engine.handle(InboundMessage.text(Channel.TELEGRAM, "1004", "есть ли у вас Зулейха открывает глаза?"));
        List<String> payloads = answer.replies().getFirst().buttons().stream().map(Button::payload).toList();

        assertThat(payloads).anyMatch(p -> p.startsWith("AVAILABILITY:watch:"));
        assertThat(payloads).filteredOn(p -> p.startsWith("AVAILABILITY")).allMatch(engine::isKnownButton);
        assertThat(engine.isKnownButton("AVAILABILITY:drop:1")).isFalse();
    }

    @Test
    void aBareTitleIsASearchForThatBook() {
        Answer answer = engine.handle(InboundMessage.text(Channel.WEBCHAT, "1005", "Мастер и Маргарита"));

        assertThat(answer.intent()).isEqualTo(Intent.AVAILABILITY);
        assertThat(text(answer)).contains("Мастер и Маргарита");
    }

    @Test
    void aBareTitleWithATypoIsASearchToo() {
        Answer answer = engine.handle(InboundMessage.text(Channel.WEBCHAT, "1008", "мастер и маргарта"));

        assertThat(answer.intent()).isEqualTo(Intent.AVAILABILITY);
        assertThat(text(answer)).contains("Мастер и Маргарита");
    }

    @Test
    void aShortMisspelledNameStillFindsTheBook() {
        Answer answer = engine.handle(InboundMessage.text(Channel.WEBCHAT, "1009", "есть гари поттер?"));

        assertThat(text(answer)).contains("Гарри Поттер");
    }

    @Test
    void aTitleWithWordsOfAnotherRequestIsStillASearchWhenTheReaderAsksForIt() {
        Answer answer = engine.handle(InboundMessage.text(Channel.WEBCHAT, "1006", "есть ли у вас Зулейха открывает глаза?"));

        assertThat(answer.intent()).isEqualTo(Intent.AVAILABILITY);
    }

    @Test
    void questionsThatNameNoTitleKeepTheirMeaning() {
        assertThat(engine.handle(InboundMessage.text(Channel.WEBCHAT, "1007", "какая сегодня погода")).intent())
                .isEqualTo(Intent.UNKNOWN);
        assertThat(engine.handle(InboundMessage.text(Channel.WEBCHAT, "1007", "вы сегодня открыты?")).intent())
                .isNotEqualTo(Intent.AVAILABILITY);
        assertThat(engine.handle(InboundMessage.text(Channel.WEBCHAT, "1007", "есть ли у вас wi-fi?")).intent())
                .isNotEqualTo(Intent.AVAILABILITY);
    }

    private static String text(Answer answer) {
        return ((Reply.Text) answer.replies().getFirst()).text();
    }
}
