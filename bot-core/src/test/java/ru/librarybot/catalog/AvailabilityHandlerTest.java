package ru.librarybot.catalog;

import ru.librarybot.library.LibraryProfileLoader;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;

import ru.librarybot.conversation.Answer;
import ru.librarybot.conversation.Awaiting;
import ru.librarybot.conversation.Button;
import ru.librarybot.conversation.Channel;
import ru.librarybot.conversation.Dialog;
import ru.librarybot.conversation.InboundMessage;
import ru.librarybot.conversation.Intent;
import ru.librarybot.conversation.Outcome;
import ru.librarybot.conversation.Recognition;
import ru.librarybot.conversation.Reply;
import ru.librarybot.conversation.Texts;
import ru.librarybot.conversation.Turn;

import static org.assertj.core.api.Assertions.assertThat;

class AvailabilityHandlerTest {

    static final String READER = "telegram:0123456789abcdef0123456789abcdef";
    private static final String CATALOG = """
            id;title;authors;year;branch;state;due_date
            mm;Мастер и Маргарита;Булгаков Михаил Афанасьевич;2021;central;AVAILABLE;
            mm;Мастер и Маргарита;Булгаков Михаил Афанасьевич;2021;central;AVAILABLE;
            mm;Мастер и Маргарита;Булгаков Михаил Афанасьевич;2021;children;ON_LOAN;+9
            mm;Мастер и Маргарита;Булгаков Михаил Афанасьевич;2021;children;ON_LOAN;+5
            heart;Собачье сердце;Булгаков Михаил Афанасьевич;2020;central;ON_LOAN;+4
            heart;Собачье сердце;Булгаков Михаил Афанасьевич;2020;branch-3;ON_LOAN;+2
            guard;Белая гвардия;Булгаков Михаил Афанасьевич;2019;central;NOT_FOR_LOAN;
            theatre;Театральный роман;Булгаков Михаил Афанасьевич;2018;branch-3;IN_PROCESSING;
            morphine;Морфий;Булгаков Михаил Афанасьевич;2017;;;
            """;

    private TestCatalog t;
    private AvailabilityHandler handler;

    @BeforeEach
    void setUp() {
        t = new TestCatalog();
        t.importText(CATALOG, "csv");
        handler = new AvailabilityHandler(new LocalCatalogSearch(t.index, t.catalog), t.watches,
                new Refusals(t.mongo, TestCatalog.CLOCK), new LastSearches(t.mongo, TestCatalog.CLOCK), texts(),
                LibraryProfileLoader.load("classpath:library/demo-library.yml"));
    }

    @AfterEach
    void tearDown() throws Exception {
        t.close();
    }

    @Test
    void asksWhichBookWhenTheReaderNamedNone() {
        for (String query : List.of("", "книгу", "есть ли у вас книга")) {
            Answer answer = handler.handle(typed(query));

            assertThat(text(answer)).startsWith("Какую книгу вы ищете?");
            assertThat(answer.awaiting()).isEqualTo(Awaiting.BOOK_QUERY);
        }
        assertThat(handler.handle(pressed("")).awaiting()).isEqualTo(Awaiting.BOOK_QUERY);
    }

    @Test
    void namesFreeCopiesPerBranchAndWhenTheNearestComesBack() {
        Answer answer = handler.handle(typed("мастер и маргарита"));

        assertThat(answer.outcome()).isEqualTo(Outcome.ANSWERED);
        assertThat(text(answer)).contains(
                "1. Булгаков Михаил Афанасьевич «Мастер и Маргарита», 2021",
                "• Центральная библиотека: свободно 2, можно взять",
                "• Центральная детская библиотека: все на руках, ближайший вернут 26 ноября");
        assertThat(buttons(answer)).contains(
                new Button("Где взять: Центральная библиотека", "INFO:branch:central"));
        assertThat(buttons(answer)).extracting(Button::payload).noneMatch(p -> p.startsWith("AVAILABILITY:watch"));
        assertThat(t.mongo.getCollection(Refusals.COLLECTION).countDocuments()).isZero();
    }

    @Test
    void offersToTellWhenABookWithNoFreeCopyComesBackAndLogsTheRefusal() {
        Answer answer = handler.handle(typed("есть ли у вас собачье сердце?"));

        assertThat(answer.outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(text(answer)).contains("«Собачье сердце»",
                "• Библиотека-филиал № 3: все на руках, ближайший вернут 23 ноября",
                "• Центральная библиотека: все на руках, ближайший вернут 25 ноября");
        assertThat(buttons(answer)).contains(new Button("Сообщить, когда освободится",
                "AVAILABILITY:watch:" + Title.keyOf("heart")));
        Document refusal = t.mongo.getCollection(Refusals.COLLECTION).find().first();
        assertThat(refusal.getString("query")).isEqualTo("собачье сердце");
        assertThat(refusal.getString("kind")).isEqualTo("NO_FREE_COPY");
        assertThat(refusal.get("bestMatch", Document.class).getString("titleId")).isEqualTo("heart");
        assertThat(refusal.getList("branches", String.class)).containsExactly("branch-3", "central");
        assertThat(refusal.keySet()).containsExactlyInAnyOrder("_id", "at", "query", "kind", "bestMatch", "branches");
        assertThat(t.mongo.getCollection(Refusals.DAILY).find().first())
                .containsEntry("_id", "2025-11-21").containsEntry("total", 1).containsEntry("noFreeCopy", 1);
    }

    @Test
    void remembersAWaitingReaderAndAnImportThatReturnsACopyTellsThem() {
        Answer offer = handler.handle(typed("собачье сердце"));
        String watch = buttons(offer).stream().map(Button::payload).filter(p -> p.contains("watch")).findFirst()
                .orElseThrow();

        Answer watching = handler.handle(pressed(watch.substring("AVAILABILITY:".length())));
        t.importText("id;title;branch;state\nheart;Собачье сердце;branch-3;AVAILABLE\n", "csv");

        assertThat(watching.outcome()).isEqualTo(Outcome.ANSWERED);
        assertThat(text(watching)).isEqualTo("Хорошо, я сообщу, когда «Собачье сердце» вернут и её можно будет взять.");
        assertThat(t.events).containsExactly(new TitleAvailableAgain(READER, "heart", "Собачье сердце", "branch-3"));
    }

    @Test
    void offersToSuggestBuyingABookTheCatalogDoesNotHave() {
        Answer answer = handler.handle(typed("гроздья гнева"));

        assertThat(answer.outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(text(answer)).startsWith("Я не нашёл «гроздья гнева» в каталоге.");
        assertThat(buttons(answer)).contains(new Button("Предложить купить", "WISH"));
        Document refusal = t.mongo.getCollection(Refusals.COLLECTION).find().first();
        assertThat(refusal.getString("kind")).isEqualTo("NOT_IN_CATALOG");
        assertThat(refusal.containsKey("bestMatch")).isFalse();
        assertThat(t.mongo.getCollection(Refusals.DAILY).find().first()).containsEntry("notInCatalog", 1);
    }

    @Test
    void showsFurtherMatchesPageByPage() {
        Answer first = handler.handle(typed("булгаков"));
        assertThat(text(first)).contains("1. ", "2. ", "3. ").doesNotContain("4. ");
        assertThat(buttons(first)).contains(new Button("Ещё результаты", "AVAILABILITY:more:3"));

        Answer second = handler.handle(pressed("more:3"));

        assertThat(text(second)).startsWith("Ещё по вашему запросу:").contains("4. ", "5. ").doesNotContain("3. ");
        assertThat(buttons(second)).extracting(Button::payload).noneMatch(p -> p.contains("more"));
        assertThat(text(second)).containsAnyOf("в читальном зале", "скоро появится на полке", "экземпляров сейчас нет");
        assertThat(handler.handle(pressed("more:9")).outcome()).isEqualTo(Outcome.NOT_FOUND);
    }

    @Test
    void describesReadingRoomOnlyProcessingAndCopylessTitles() {
        assertThat(text(handler.handle(typed("белая гвардия"))))
                .contains("• Центральная библиотека: 1 в читальном зале, только для чтения на месте");
        assertThat(text(handler.handle(typed("театральный роман"))))
                .contains("• Библиотека-филиал № 3: скоро появится на полке");
        assertThat(text(handler.handle(typed("морфий")))).contains("экземпляров сейчас нет");
    }

    @Test
    void everyButtonItOffersFitsTelegramAndIsOneItAccepts() {
        List<Button> offered = new ArrayList<>();
        for (String query : List.of("мастер и маргарита", "собачье сердце", "булгаков", "гроздья гнева")) {
            offered.addAll(buttons(handler.handle(typed(query))));
        }
        offered.addAll(buttons(handler.handle(pressed("more:3"))));

        assertThat(offered).allSatisfy(b -> assertThat(b.payload().getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(64));
        assertThat(offered).filteredOn(b -> b.payload().startsWith("AVAILABILITY:")).isNotEmpty().allSatisfy(b ->
                assertThat(handler.acceptsButton(Intent.AVAILABILITY,
                        b.payload().substring("AVAILABILITY:".length()))).isTrue());
    }

    @Test
    void refusesButtonsItNeverMade() {
        for (String forged : List.of("more:abc", "more:0", "more:100", "watch:short", "watch:../../etc/passwd",
                "delete:1", "watch:" + "x".repeat(40))) {
            assertThat(handler.acceptsButton(Intent.AVAILABILITY, forged)).as(forged).isFalse();
        }
    }

    @Test
    void aWatchForATitleNoLongerInTheCatalogSaysSo() {
        Answer answer = handler.handle(pressed("watch:AAAAAAAAAAA"));

        assertThat(text(answer)).startsWith("Этой книги больше нет в каталоге");
        assertThat(t.mongo.getCollection(TitleWatches.COLLECTION).countDocuments()).isZero();
    }

    @Test
    void queryTextNeverBreaksTheSearch() {
        for (String query : List.of("C++", "*", "\"", "\"мастер", "AND", "мастер AND OR NOT", "(((", "маргарита)",
                "title:мастер", "мастер~2", "мас*", "[1 TO 5]", "\\", "💥📚", "ёЁё", "мастер".repeat(1000),
                "и в на с по о", "a".repeat(5000))) {
            Answer answer = handler.handle(typed(query));

            assertThat(answer.replies()).as(query).isNotEmpty();
            assertThat(answer.outcome()).isIn(Outcome.ANSWERED, Outcome.NOT_FOUND);
        }
        assertThat(text(handler.handle(typed("мастер AND маргарита")))).contains("Мастер и Маргарита");
    }

    @Test
    void saysPlainlyWhenTheLibrarysCatalogServerDoesNotAnswer() {
        AvailabilityHandler live = new AvailabilityHandler(
                new SruCatalogSearch(java.net.URI.create("http://127.0.0.1:9/sru"), java.time.Duration.ofSeconds(2),
                        BranchMapping.none("central")),
                t.watches, new Refusals(t.mongo, TestCatalog.CLOCK), new LastSearches(t.mongo, TestCatalog.CLOCK),
                texts(), LibraryProfileLoader.load("classpath:library/demo-library.yml"));

        Answer answer = live.handle(typed("мастер и маргарита"));

        assertThat(answer.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(text(answer)).startsWith("Каталог библиотеки сейчас не отвечает");
    }

    static Texts texts() {
        ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
        source.setBasenames("classpath:messages/bot");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return new Texts(source);
    }

    static Turn typed(String query) {
        InboundMessage message = InboundMessage.text(Channel.TELEGRAM, "42", "есть ли у вас " + query);
        return new Turn(message, READER, new Recognition(Intent.AVAILABILITY, query), false, Dialog.start(READER));
    }

    static Turn pressed(String argument) {
        InboundMessage message = InboundMessage.button(Channel.TELEGRAM, "42", "AVAILABILITY:" + argument);
        return new Turn(message, READER, new Recognition(Intent.AVAILABILITY, argument), true, Dialog.start(READER));
    }

    static String text(Answer answer) {
        return ((Reply.Text) answer.replies().getFirst()).text();
    }

    static List<Button> buttons(Answer answer) {
        return answer.replies().getFirst().buttons();
    }
}
