package ru.librarybot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IntentRecognizerTest {

    private final IntentRecognizer recognizer = new IntentRecognizer();

    @Test
    void readsCommandsAddressedToTheBotByName() {
        assertThat(recognizer.recognize("/search@LibraryCityBot Война и мир"))
                .isEqualTo(new Recognition(Intent.AVAILABILITY, "война и мир"));
        assertThat(recognizer.recognize("/renew@LibraryCityBot").intent()).isEqualTo(Intent.RENEW);
        assertThat(recognizer.recognize("/hours@LibraryCityBot").intent()).isEqualTo(Intent.INFO);
        assertThat(recognizer.recognize("/start").intent()).isEqualTo(Intent.HELP);
        assertThat(recognizer.recognize("/wish Вместе лучше")).isEqualTo(new Recognition(Intent.WISH, "вместе лучше"));
    }

    @Test
    void doesNotGuessAnUnknownCommand() {
        assertThat(recognizer.recognize("/weather").intent()).isEqualTo(Intent.UNKNOWN);
    }

    @Test
    void keepsTheCardNumberOutOfTheRecognition() {
        assertThat(recognizer.recognize("/card 0012345")).isEqualTo(Recognition.of(Intent.LINK_CARD));
        assertThat(recognizer.recognize("мой номер билета 123456")).isEqualTo(Recognition.of(Intent.LINK_CARD));
    }

    @Test
    void readsLatinLookalikeLettersInsideRussianWordsAsCyrillic() {
        assertThat(recognizer.recognize("кнuга Мacтер и Маргарита есть?"))
                .isEqualTo(new Recognition(Intent.AVAILABILITY, "мастер и маргарита"));
        assertThat(recognizer.recognize("ПPOДЛИTE КНИГИ").intent()).isEqualTo(Intent.RENEW);
        assertThat(recognizer.recognize("a вы в субботу рaботаете?").intent()).isEqualTo(Intent.INFO);
    }

    @Test
    void keepsLatinTitlesLatin() {
        assertThat(recognizer.recognize("есть ли Harry Potter"))
                .isEqualTo(new Recognition(Intent.AVAILABILITY, "harry potter"));
    }

    @Test
    void forgivesOneTypoInLongerWords() {
        assertThat(recognizer.recognize("прадлить книгу").intent()).isEqualTo(Intent.RENEW);
        assertThat(recognizer.recognize("раписание работы").intent()).isEqualTo(Intent.INFO);
        assertThat(recognizer.recognize("мероприятя на неделе").intent()).isEqualTo(Intent.EVENTS);
        assertThat(recognizer.recognize("падписаться на новасти").intent()).isEqualTo(Intent.SUBSCRIBE);
        assertThat(recognizer.recognize("Здраствуйте").intent()).isEqualTo(Intent.HELP);
    }

    @Test
    void doesNotStretchATitleWordIntoACommandWord() {
        // "капит…" is one letter from "купит…" (buy), but a short stem is not bent to fit
        assertThat(recognizer.recognize("Капитанская дочка есть?"))
                .isEqualTo(new Recognition(Intent.AVAILABILITY, "капитанская дочка"));
    }

    @Test
    void answersTheRequestAfterAGreeting() {
        assertThat(recognizer.recognize("Добрый день! Продлите мне книги").intent()).isEqualTo(Intent.RENEW);
        assertThat(recognizer.recognize("Здравствуйте! Ищу книгу «Преступление и наказание» Достоевского"))
                .isEqualTo(new Recognition(Intent.AVAILABILITY, "преступление и наказание достоевского"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Здравствуйте!", "привет", "Добрый вечер 👋", "что ты умеешь?", "меню", "помощь"})
    void aGreetingAloneOrAskingWhatTheBotDoesShowsTheMenu(String text) {
        assertThat(recognizer.recognize(text).intent()).isEqualTo(Intent.HELP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"отмена", "стоп", "назад", "в меню", "Отмена!"})
    void steppingBackShowsTheMenu(String text) {
        assertThat(recognizer.recognize(text).intent()).isEqualTo(Intent.HELP);
    }

    @Test
    void aTitleWithAStepBackWordIsStillASearch() {
        assertThat(recognizer.recognize("есть ли Назад в будущее"))
                .isEqualTo(new Recognition(Intent.AVAILABILITY, "назад в будущее"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"какая погода", "asdfgh", "расскажи анекдот", "😂", "👍", "где купить хлеб", "", "   "})
    void doesNotPretendToUnderstandOffTopicMessages(String text) {
        assertThat(recognizer.recognize(text).intent()).isEqualTo(Intent.UNKNOWN);
    }

    @Test
    void tellsUnsubscribingFromSubscribing() {
        assertThat(recognizer.recognize("подпишите меня на новости").intent()).isEqualTo(Intent.SUBSCRIBE);
        assertThat(recognizer.recognize("не присылайте мне больше новости").intent()).isEqualTo(Intent.UNSUBSCRIBE);
        assertThat(recognizer.recognize("как отменить подписку").intent()).isEqualTo(Intent.UNSUBSCRIBE);
    }

    @Test
    void tellsLibraryQuestionsFromBookSearches() {
        assertThat(recognizer.recognize("есть ли у вас wifi").intent()).isEqualTo(Intent.INFO);
        assertThat(recognizer.recognize("вы сегодня открыты?").intent()).isEqualTo(Intent.INFO);
        assertThat(recognizer.recognize("есть ли у вас Мастер и Маргарита?"))
                .isEqualTo(new Recognition(Intent.AVAILABILITY, "мастер и маргарита"));
    }

    @Test
    void aWishForAnAuthorsNewBookNamesTheAuthor() {
        // "новую книгу" says nothing a catalog or a buyer can search by; the author's name does
        assertThat(recognizer.recognize("купите пожалуйста новую книгу Пелевина"))
                .isEqualTo(new Recognition(Intent.WISH, "пелевина"));
    }

    @Test
    void readsЁAsЕInQueries() {
        assertThat(recognizer.recognize("Ищу книгу Ёжик в тумане").query()).isEqualTo("ежик в тумане");
    }

    @Test
    void takesAWholeAnswerAsTheTitleWithoutPunctuationOrEmoji() {
        assertThat(recognizer.extractQuery("Мастер и Маргарита")).isEqualTo("мастер и маргарита");
        assertThat(recognizer.extractQuery("«Война и мир», пожалуйста 📚")).isEqualTo("война и мир");
        assertThat(recognizer.extractQuery("Дом, в котором…")).isEqualTo("дом в котором");
    }

    @Test
    void keepsANameThatLooksLikeAQuestionWord() {
        assertThat(recognizer.recognize("Очень прошу закупить книги Ли Бардуго").query()).isEqualTo("ли бардуго");
    }

    @Test
    void answersATenThousandCharacterMessageWithABoundedQuery() {
        String flood = "есть ли у вас " + "Мастер и Маргарита ".repeat(600);
        assertThat(flood.length()).isGreaterThanOrEqualTo(10_000);

        Recognition recognition = recognizer.recognize(flood);

        assertThat(recognition.intent()).isEqualTo(Intent.AVAILABILITY);
        assertThat(recognition.query()).startsWith("мастер и маргарита").hasSizeLessThanOrEqualTo(BookQuery.MAX_CHARS);
    }

    @Test
    void answersTenThousandCharactersOfEmojiAndPunctuationWithoutBreaking() {
        // an odd prefix puts the length cut inside an emoji's surrogate pair
        assertThat(recognizer.recognize("a" + "😂".repeat(5_000)).intent()).isEqualTo(Intent.UNKNOWN);
        assertThat(recognizer.recognize("!?.,«»—…".repeat(1_250)).intent()).isEqualTo(Intent.UNKNOWN);
        assertThat(recognizer.extractQuery("/search " + "а".repeat(10_000)))
                .hasSizeLessThanOrEqualTo(BookQuery.MAX_CHARS);
    }
}
