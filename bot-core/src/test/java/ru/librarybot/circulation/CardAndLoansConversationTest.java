package ru.librarybot.circulation;

import ru.librarybot.testing.MemoryStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import ru.librarybot.circulation.embedded.DemoPatrons;
import ru.librarybot.circulation.embedded.LoansImport;
import ru.librarybot.conversation.Answer;
import ru.librarybot.conversation.Awaiting;
import ru.librarybot.conversation.Channel;
import ru.librarybot.conversation.ConversationEngine;
import ru.librarybot.conversation.Intent;
import ru.librarybot.conversation.MessageHandled;
import ru.librarybot.conversation.Outcome;
import ru.librarybot.conversation.ReaderKeys;

@SpringBootTest(classes = CirculationTestApplication.class)
@ActiveProfiles(CirculationTestApplication.PROFILE)
@RecordApplicationEvents
class CardAndLoansConversationTest {

    private static MongoServer store;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        store = MemoryStore.serve(registry);
    }

    @AfterAll
    static void stopStore() {
        store.shutdownNow();
    }

    @Autowired
    ConversationEngine engine;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MutableClock clock;
    @Autowired
    LoansImport loansImport;
    @Autowired
    ReaderKeys readerKeys;
    @Autowired
    ApplicationEvents events;
    @Autowired
    Forgetting forgetting;

    @BeforeEach
    void freshLibrary() {
        clock.set(CirculationTestApplication.START.toInstant());
        for (String collection : mongo.getCollectionNames()) {
            if (!collection.equals("settings")) {
                mongo.remove(new Query(), collection);
            }
        }
        loansImport.replaceAll(DemoPatrons.dated(CirculationTestApplication.START.toLocalDate()));
    }

    @Test
    void theDemoReaderLinksTheirCardAndSeesTheirLoansOverdueFirst() {
        Chat chat = chat(Channel.TELEGRAM, "42");

        Answer asked = chat.press("LOANS");
        assertThat(asked.awaiting()).isEqualTo(Awaiting.CARD_NUMBER);
        assertThat(Chat.text(asked)).contains("привязать читательский билет", "номер вашего читательского билета");
        assertThat(Chat.text(chat.say("1000001"))).contains("PIN-код");

        Answer loans = chat.say("1234");

        assertThat(loans.outcome()).isEqualTo(Outcome.ANSWERED);
        List<String> texts = Chat.texts(loans);
        assertThat(texts.get(0)).contains("Билет •••• 0001 привязан");
        assertThat(texts.get(1)).contains("Ваши книги по билету •••• 0001");
        assertThat(texts.get(2)).contains("«Преступление и наказание», Ф. М. Достоевский", "Срок сдачи прошёл 18 ноября");
        assertThat(texts.get(3)).contains("«Мастер и Маргарита»", "Вернуть до 26 ноября");
        assertThat(texts.get(4)).contains("«Тихий Дон. Книга 1»", "Эту книгу ждёт другой читатель");
        assertThat(texts.get(5)).contains("«Война и мир. Том 1»");
        assertThat(Chat.payloads(loans)).filteredOn(p -> p.startsWith("RENEW:")).hasSize(5)
                .contains("RENEW:all").allMatch(p -> p.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 64);
    }

    @Test
    void aRenewalInOneTapTellsTheNewDueDateAndARefusalTellsWhy() {
        Chat chat = linked(Channel.TELEGRAM, "42");
        chat.press("LOANS");

        Answer renewed = chat.pressUnder("Мастер и Маргарита", "Продлить");
        assertThat(Chat.text(renewed)).startsWith("Продлено: «Мастер и Маргарита». Теперь вернуть до 10 декабря.");

        chat.press("LOANS");
        Answer reserved = chat.pressUnder("Тихий Дон", "Продлить");
        assertThat(Chat.text(reserved)).isEqualTo("Не получилось продлить «Тихий Дон. Книга 1»: эту книгу ждёт "
                + "другой читатель. Верните её, пожалуйста, до 30 ноября.");

        chat.press("LOANS");
        assertThat(Chat.text(chat.pressUnder("Война и мир", "Продлить"))).contains("срок продления исчерпан");
    }

    @Test
    void renewAllSaysWhichBooksWereRenewedAndWhyTheOthersWereNot() {
        Chat chat = linked(Channel.VK, "7");

        String answer = Chat.text(chat.press("RENEW:all"));

        assertThat(answer).contains("Продлено книг: 2 из 4.", "• «Мастер и Маргарита» — теперь до 10 декабря",
                "• «Тихий Дон. Книга 1» — не продлена: эту книгу ждёт другой читатель",
                "• «Война и мир. Том 1» — не продлена: срок продления исчерпан");
    }

    @Test
    void typingRenewAllDoesWhatTheButtonDoes() {
        Chat chat = linked(Channel.VK, "8");

        String answer = Chat.text(chat.say("продлите пожалуйста все книги"));

        assertThat(answer).contains("Продлено книг: 2 из 4.");
    }

    @Test
    void aRenewButtonPressedBeforeLinkingRenewsRightAfterIt() {
        Chat chat = chat(Channel.TELEGRAM, "42");

        assertThat(chat.press("RENEW:all").awaiting()).isEqualTo(Awaiting.CARD_NUMBER);
        chat.say("1000001");
        Answer answer = chat.say("1234");

        assertThat(Chat.text(answer)).contains("Билет •••• 0001 привязан", "Продлено книг: 2 из 4.");
    }

    @Test
    void aWrongPinIsToldWithoutSayingWhetherTheNumberOrThePinWasWrong() {
        Chat chat = chat(Channel.TELEGRAM, "42");
        chat.press("LINK_CARD");
        chat.say("1000001");
        String wrongPin = Chat.text(chat.say("9999"));
        chat.say("1000777");
        Answer unknownCard = chat.say("1234");

        assertThat(wrongPin).contains("Номер билета и PIN-код не подходят друг к другу", "Осталось попыток: 4");
        assertThat(Chat.text(unknownCard)).contains("Номер билета и PIN-код не подходят друг к другу",
                "Осталось попыток: 3");
        assertThat(unknownCard.awaiting()).isEqualTo(Awaiting.CARD_NUMBER);
    }

    @Test
    void fiveWrongAnswersLockLinkingInThatChatForFifteenMinutes() {
        Chat chat = chat(Channel.TELEGRAM, "42");
        chat.press("LINK_CARD");
        Answer fifth = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            chat.say("1000001");
            fifth = chat.say("000" + attempt);
        }
        assertThat(Chat.text(fifth)).contains("Слишком много неудачных попыток", "через 15 мин");

        assertThat(Chat.text(chat.press("LINK_CARD"))).contains("Слишком много неудачных попыток");
        assertThat(chat(Channel.VK, "42").press("LINK_CARD").awaiting()).as("another chat").isEqualTo(Awaiting.CARD_NUMBER);

        clock.advance(Duration.ofMinutes(16));
        chat.press("LINK_CARD");
        chat.say("1000001");
        assertThat(Chat.text(chat.say("1234"))).contains("Билет •••• 0001 привязан");
    }

    @Test
    void aCardNumberThatCannotBeOneIsAskedForAgain() {
        Chat chat = chat(Channel.TELEGRAM, "42");
        chat.press("LINK_CARD");

        Answer answer = chat.say("не помню, где он");

        assertThat(Chat.text(answer)).contains("не похоже на номер читательского билета");
        assertThat(answer.awaiting()).isEqualTo(Awaiting.CARD_NUMBER);
        assertThat(Chat.text(chat.say("x".repeat(10_000)))).contains("не похоже на номер");
        assertThat(Chat.text(chat.say("12-аб"))).contains("не похоже на номер");
    }

    @Test
    void aReaderAskedForTheirCardWhoAsksForTheirBooksIsToldTheCardShowsThem() {
        Chat chat = chat(Channel.TELEGRAM, "42");
        chat.press("LINK_CARD");

        Answer answer = chat.say("какие у меня книги");

        assertThat(answer.intent()).isEqualTo(Intent.LOANS);
        assertThat(Chat.text(answer)).doesNotContain("не похоже на номер").contains("номер");
        assertThat(answer.awaiting()).isEqualTo(Awaiting.CARD_NUMBER);
        chat.say("1000001");
        assertThat(Chat.text(chat.say("1234"))).contains("Мастер и Маргарита");
    }

    @Test
    void aLinkingLeftForTenMinutesForgetsTheTypedNumber() {
        Chat chat = chat(Channel.TELEGRAM, "42");
        chat.press("LINK_CARD");
        chat.say("1000001");
        clock.advance(Duration.ofMinutes(11));

        Answer answer = chat.say("1234");

        assertThat(Chat.text(answer)).contains("уже забыл введённый номер");
        assertThat(answer.awaiting()).isEqualTo(Awaiting.CARD_NUMBER);
    }

    @Test
    void theCardIsKeptEncryptedThePinNowhereAndNeitherReachesTheLog() {
        Chat chat = chat(Channel.TELEGRAM, "42");
        chat.press("LINK_CARD");
        chat.say("1000001");
        chat.say("1234");

        for (String collection : mongo.getCollectionNames()) {
            // not inside a hex hash, where any four digits turn up by chance
            assertThat(mongo.findAll(Document.class, collection).toString()).as(collection)
                    .doesNotContainPattern("(?<![0-9a-f])(1000001|1234)(?![0-9a-f])");
        }
        assertThat(events.stream(MessageHandled.class).map(MessageHandled::inboundText))
                .containsExactly("LINK_CARD", "•••", "•••");
    }

    @Test
    void linkingTheSameCardFromTelegramAndVkMakesOneReader() {
        linked(Channel.TELEGRAM, "42");
        linked(Channel.VK, "777");

        List<Reader> readers = mongo.findAll(Reader.class, "readers");
        assertThat(readers).singleElement().extracting(Reader::readerKeys).isEqualTo(List.of(
                readerKeys.of(Channel.TELEGRAM, "42"), readerKeys.of(Channel.VK, "777")));
        assertThat(Chat.text(chat(Channel.VK, "777").press("LOANS"))).contains("«Мастер и Маргарита»");
    }

    @Test
    void unlinkingOneChatLeavesTheOtherLinked() {
        linked(Channel.TELEGRAM, "42");
        Chat vk = linked(Channel.VK, "777");

        assertThat(Chat.text(vk.press("LINK_CARD:unlink"))).contains("Билет •••• 0001 отвязан");

        assertThat(vk.press("LOANS").awaiting()).isEqualTo(Awaiting.CARD_NUMBER);
        assertThat(Chat.text(chat(Channel.TELEGRAM, "42").press("LOANS"))).contains("«Мастер и Маргарита»");
    }

    @Test
    void theReaderChoosesWhichRemindersAndWhereTheyGo() {
        linked(Channel.TELEGRAM, "42");
        Chat vk = linked(Channel.VK, "777");

        Answer settings = vk.press("LINK_CARD:reminders");
        assertThat(Chat.text(settings)).contains("✅ за 3 дн. до срока", "Куда присылаю: в Telegram");
        vk.press("LINK_CARD:r-overdue");
        Answer here = vk.press("LINK_CARD:r-here");

        assertThat(Chat.text(here)).contains("⬜ о просроченных книгах", "Куда присылаю: в этот чат");
        Reader reader = mongo.findAll(Reader.class, "readers").getFirst();
        assertThat(reader.reminders()).isEqualTo(new ReminderChoices(true, true, false));
        assertThat(reader.reminderAccounts().getFirst()).isEqualTo(readerKeys.of(Channel.VK, "777"));
    }

    @Test
    void aRenewButtonForABookNoLongerOnLoanSaysSo() {
        Chat chat = linked(Channel.TELEGRAM, "42");

        Answer answer = chat.press("RENEW:" + Loan.shortId("returned-long-ago"));

        assertThat(Chat.text(answer)).contains("Этой книги уже нет среди ваших", "«Мастер и Маргарита»");
        assertThat(engine.isKnownButton("RENEW:../../etc")).isFalse();
        assertThat(engine.isKnownButton("LINK_CARD:drop")).isFalse();
    }

    @Test
    void forgetDeletesTheReaderEverywhereAndTakesTheirKeyOffTheLog() {
        linked(Channel.TELEGRAM, "42");
        Chat vk = linked(Channel.VK, "777");
        linked(Channel.TELEGRAM, "petrov", "1000002", "4321");
        String telegramKey = readerKeys.of(Channel.TELEGRAM, "42");
        String vkKey = readerKeys.of(Channel.VK, "777");
        String otherKey = readerKeys.of(Channel.TELEGRAM, "petrov");
        await().untilAsserted(() -> assertThat(loggedKeys()).contains(telegramKey, vkKey, otherKey));

        assertThat(Chat.text(vk.say("/forget"))).contains("Удалить всё");
        Answer done = vk.press("LINK_CARD:forget-yes");
        // the log writes the forget request itself a moment later; the periodic sweep takes it off too
        await().until(() -> mongo.exists(Query.query(Criteria.where("text").is("LINK_CARD:forget-yes")), "interactions"));
        forgetting.sweep();

        assertThat(Chat.text(done)).contains("я удалил всё");
        assertThat(mongo.findAll(Reader.class, "readers")).extracting(Reader::readerKeys).containsExactly(List.of(otherKey));
        for (String key : List.of(telegramKey, vkKey)) {
            assertThat(mongo.findById(key, Document.class, "card_links")).isNull();
            assertThat(mongo.findById(key, Document.class, "dialogs")).as("dialog of " + key).isNull();
            assertThat(mongo.findById(key, Document.class, "reader_accounts")).as("account of " + key).isNull();
        }
        assertThat(loggedKeys()).contains(otherKey).doesNotContain(telegramKey, vkKey);
        assertThat(mongo.findAll(Document.class, "interactions")).as("the exchanges stay, without their reader")
                .anyMatch(interaction -> !interaction.containsKey("readerKey"));
        assertThat(mongo.findAll(Document.class, "daily_readers")).extracting(d -> d.getString("_id"))
                .noneMatch(id -> id.endsWith(telegramKey) || id.endsWith(vkKey)).anyMatch(id -> id.endsWith(otherKey));
        assertThat(events.stream(ReaderForgotten.class)).singleElement()
                .extracting(ReaderForgotten::readerKeys).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactlyInAnyOrder(telegramKey, vkKey);
    }

    private java.util.Set<String> loggedKeys() {
        return mongo.findAll(Document.class, "interactions").stream().map(d -> d.getString("readerKey"))
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void aReaderWhoComesBackAfterForgettingStartsAfresh() {
        Chat chat = linked(Channel.TELEGRAM, "42");
        chat.press("LINK_CARD:forget-yes");
        clock.advance(Duration.ofMinutes(1));

        chat.press("LOANS");

        Document dialog = mongo.findById(readerKeys.of(Channel.TELEGRAM, "42"), Document.class, "dialogs");
        assertThat(dialog.getString("awaiting")).isEqualTo("CARD_NUMBER");
        assertThat(mongo.findAll(Reader.class, "readers")).isEmpty();
    }

    @Test
    void aReaderWithNoLoansIsToldSo() {
        loansImport.replaceAll(List.of(new LoansImport.Patron(new CardNumber("1000001"), "Иванова", "1234", List.of())));
        Chat chat = linked(Channel.TELEGRAM, "42");

        Answer answer = chat.press("LOANS");

        assertThat(Chat.text(answer)).isEqualTo("По билету •••• 0001 сейчас нет книг на руках.");
        assertThat(answer.intent()).isEqualTo(Intent.LOANS);
    }

    private Chat chat(Channel channel, String user) {
        return new Chat(engine, channel, user, clock);
    }

    private Chat linked(Channel channel, String user) {
        return linked(channel, user, "1000001", "1234");
    }

    private Chat linked(Channel channel, String user, String card, String pin) {
        Chat chat = chat(channel, user);
        chat.press("LINK_CARD");
        chat.say(card);
        assertThat(Chat.text(chat.say(pin))).contains("привязан");
        return chat;
    }
}
