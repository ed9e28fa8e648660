package ru.librarybot.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;

import ru.librarybot.conversation.Answer;
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

class InfoHandlerTest {

    private static final LibraryProfile DEMO = LibraryProfileLoader.load("");
    private static final Texts TEXTS = texts();

    /** Wednesday, 25 November 2026, noon in Moscow. */
    private static final String WEDNESDAY_NOON = "2026-11-25T12:00:00+03:00";

    @Test
    void answersSaturdayHoursOfEveryBranch() {
        String text = ask(WEDNESDAY_NOON, "во сколько вы работаете в субботу?");

        assertThat(text).startsWith("Часы работы в субботу, 28 ноября:")
                .contains("• Центральная библиотека: 10:00–18:00")
                .contains("• Центральная детская библиотека: 10:00–17:00")
                .contains("• Библиотека-филиал № 3: 10:00–16:00, перерыв 14:00–15:00");
    }

    @Test
    void answersForTodayWhenAskedOnSaturdayAboutSaturday() {
        String text = ask("2026-11-28T09:00:00+03:00", "до скольки работаете в субботу");

        assertThat(text).startsWith("Часы работы сегодня, 28 ноября:")
                .contains("• Центральная библиотека: 10:00–18:00");
    }

    @Test
    void saysWhichBranchesAreOpenNowAndUntilWhen() {
        String text = ask("2026-11-24T14:30:00+03:00", "вы сейчас работаете?");

        assertThat(text).startsWith("Сегодня вторник, 24 ноября. Сейчас 14:30.")
                .contains("• Центральная библиотека: открыто до 19:00.")
                .contains("• Центральная детская библиотека: открыто до 18:00.")
                .contains("• Библиотека-филиал № 3: перерыв до 15:00, потом открыто до 19:00.");
    }

    @Test
    void saysWhenABranchOpensLaterToday() {
        String text = ask("2026-11-24T10:30:00+03:00", "вы сегодня открыты?");

        assertThat(text).contains("• Библиотека-филиал № 3: сегодня откроется в 11:00, работает до 19:00.");
    }

    @Test
    void todayFollowsTheLibraryTimeZoneNearMidnight() {
        LibraryProfile irkutsk = withZone(ZoneId.of("Asia/Irkutsk"));
        // 22:30 UTC on Friday 27 November is 06:30 on Saturday in Irkutsk; Friday would be the sanitary day
        String text = ask(irkutsk, Instant.parse("2026-11-27T22:30:00Z"), "вы сегодня открыты?");

        assertThat(text).startsWith("Сегодня суббота, 28 ноября. Сейчас 06:30.")
                .contains("• Центральная библиотека: сегодня откроется в 10:00, работает до 18:00.")
                .doesNotContain("санитарный");
    }

    @Test
    void aHolidayClosesEveryBranchWithItsNote() {
        String text = ask("2026-11-04T12:00:00+03:00", "работаете сегодня?");

        assertThat(text)
                .contains("• Центральная библиотека: сегодня закрыто — День народного единства. "
                        + "Откроется завтра, 5 ноября, в 10:00.")
                .contains("• Библиотека-филиал № 3: сегодня закрыто — День народного единства. "
                        + "Откроется завтра, 5 ноября, в 11:00.");
    }

    @Test
    void aPreHolidayDayHasShortenedHoursWithItsNote() {
        String text = ask("2026-12-20T12:00:00+03:00", "31 декабря вы работаете?");

        assertThat(text).startsWith("Часы работы в четверг, 31 декабря:")
                .contains("• Центральная библиотека: 10:00–16:00 (предновогодний день, сокращённые часы)");
    }

    @Test
    void theSanitaryDayClosesTheBranch() {
        // 27 November 2026 is the last Friday of the month
        String text = ask("2026-11-27T12:00:00+03:00", "открыто сейчас?");

        assertThat(text).contains("• Центральная библиотека: сегодня санитарный день, закрыто. "
                + "Откроется завтра, 28 ноября, в 10:00.");
    }

    @Test
    void aDayOffSaysWhenTheBranchOpensNext() {
        String text = ask("2026-11-23T12:00:00+03:00", "вы сегодня открыты?");

        assertThat(text).contains("• Центральная детская библиотека: сегодня выходной. "
                + "Откроется завтра, 24 ноября, в 10:00.");
    }

    @Test
    void namingABranchAnswersForThatBranchOnly() {
        String children = ask(WEDNESDAY_NOON, "Во сколько работает детская библиотека в субботу?");
        String central = ask(WEDNESDAY_NOON, "а на Ленина в субботу открыто?");

        assertThat(children).contains("Центральная детская библиотека: 10:00–17:00")
                .doesNotContain("Центральная библиотека").doesNotContain("филиал");
        assertThat(central).contains("Центральная библиотека: 10:00–18:00")
                .doesNotContain("детская").doesNotContain("филиал");
    }

    @Test
    void aBranchIsFoundByAnInflectedAlias() {
        String text = ask(WEDNESDAY_NOON, "в детской сегодня открыто?");

        assertThat(text).contains("Центральная детская библиотека: открыто до 18:00.")
                .doesNotContain("Центральная библиотека").doesNotContain("филиал");
    }

    @Test
    void theWeekendMeansTheComingSaturdayAndSunday() {
        String text = ask(WEDNESDAY_NOON, "в выходные работает филиал 3?");

        assertThat(text).contains("Часы работы в субботу, 28 ноября:\n• Библиотека-филиал № 3: 10:00–16:00")
                .contains("Часы работы в воскресенье, 29 ноября:\n• Библиотека-филиал № 3: выходной");
    }

    @Test
    void tomorrowIsNamedWithItsDate() {
        String text = ask(WEDNESDAY_NOON, "а завтра во сколько открываетесь?");

        assertThat(text).startsWith("Часы работы завтра, 26 ноября:");
    }

    @Test
    void hoursWithoutADayGiveTheWeekOfEachBranch() {
        String text = ask(WEDNESDAY_NOON, "режим работы");

        assertThat(text)
                .contains("Центральная библиотека\nпн–пт 10:00–19:00, сб 10:00–18:00, вс — выходной\n"
                        + "санитарный день — последняя пятница месяца")
                .contains("Центральная детская библиотека\nпн — выходной, вт–пт 10:00–18:00, сб–вс 10:00–17:00")
                .contains("перерыв 14:00–15:00");
    }

    @Test
    void holidaysListTheComingChangesWithConsecutiveDaysMerged() {
        String text = ask("2026-12-20T12:00:00+03:00", "как вы работаете в новогодние праздники?");

        assertThat(text).contains("31 декабря, четверг:")
                .contains("С 1 по 8 января 2027:\n• Все библиотеки: закрыто — Новогодние каникулы");
    }

    @Test
    void answersTheAddressAndHowToGetThere() {
        String text = ask(WEDNESDAY_NOON, "как добраться до библиотеки на Садовой?");

        assertThat(text).startsWith("Библиотека-филиал № 3\nАдрес: мкр. Северный, ул. Садовая, д. 15")
                .contains("Как добраться: Автобус № 7");
    }

    @Test
    void answersHowToRegister() {
        String text = ask(WEDNESDAY_NOON, "как записаться в библиотеку ребёнку?");

        assertThat(text).startsWith("Как записаться в библиотеку").contains("Дети до 14 лет");
    }

    @Test
    void answersThePriceOfTheServiceNamed() {
        String text = ask(WEDNESDAY_NOON, "сколько стоит ламинирование?");

        assertThat(text).isEqualTo("Платные услуги:\n• Ламинирование, А4 — 40 ₽");
    }

    @Test
    void answersTheWholePriceList() {
        String text = ask(WEDNESDAY_NOON, "какие у вас платные услуги");

        assertThat(text).contains("• Ксерокопия, А4 — 10 ₽ за страницу").contains("• Дубликат читательского билета — 50 ₽");
    }

    @Test
    void matchesTheFaqByInflectedKeywords() {
        assertThat(ask(WEDNESDAY_NOON, "у вас работает вай-фай?")).contains("бесплатный Wi-Fi");
        assertThat(ask(WEDNESDAY_NOON, "я потеряла книгу, что делать?")).contains("книга потерялась");
        assertThat(ask(WEDNESDAY_NOON, "можно сдать книгу в другом филиале?")).contains("в любую библиотеку нашей системы");
    }

    @Test
    void anUnansweredQuestionGetsTheOverviewAndIsCountedAsNotFound() {
        Answer answer = handler(DEMO, instant(WEDNESDAY_NOON)).handle(typed("какая погода на Марсе?"));

        assertThat(answer.outcome()).isEqualTo(Outcome.NOT_FOUND);
        Reply.Text reply = (Reply.Text) answer.replies().getFirst();
        assertThat(reply.text()).startsWith("Я не нашёл ответа").contains("Телефон: +7 (48555) 2-10-35");
        assertThat(reply.buttons()).extracting(Button::payload)
                .contains("INFO:hours", "INFO:address", "INFO:branch:central", "INFO:branch:branch-3", "HELP");
    }

    @Test
    void aBranchButtonShowsItsDayAndAddress() {
        Answer answer = handler(DEMO, instant(WEDNESDAY_NOON)).handle(pressed("branch:children"));

        String text = ((Reply.Text) answer.replies().getFirst()).text();
        assertThat(answer.outcome()).isEqualTo(Outcome.ANSWERED);
        assertThat(text).contains("• Центральная детская библиотека: открыто до 18:00.")
                .contains("Адрес: ул. Гагарина, д. 7");
    }

    @Test
    void theHoursButtonShowsTheWeek() {
        Answer answer = handler(DEMO, instant(WEDNESDAY_NOON)).handle(pressed("hours"));

        assertThat(((Reply.Text) answer.replies().getFirst()).text()).startsWith("Режим работы:");
    }

    @Test
    void acceptsOnlyTheButtonsItOffers() {
        InfoHandler handler = handler(DEMO, instant(WEDNESDAY_NOON));

        assertThat(List.of("", "hours", "address", "register", "prices", "branch:children"))
                .allMatch(argument -> handler.acceptsButton(Intent.INFO, argument));
        assertThat(List.of("branch:nowhere", "branch:", "delete", "hours:x"))
                .noneMatch(argument -> handler.acceptsButton(Intent.INFO, argument));
    }

    @Test
    void aHugeMessageIsAnsweredWithoutFailing() {
        String text = ask(WEDNESDAY_NOON, "во сколько вы работаете в субботу? " + "ля".repeat(5_000));

        assertThat(text).startsWith("Часы работы в субботу, 28 ноября:");
    }

    private static String ask(String at, String question) {
        return ask(DEMO, instant(at), question);
    }

    private static String ask(LibraryProfile profile, Instant at, String question) {
        Answer answer = handler(profile, at).handle(typed(question));
        assertThat(answer.intent()).isEqualTo(Intent.INFO);
        return ((Reply.Text) answer.replies().getFirst()).text();
    }

    private static InfoHandler handler(LibraryProfile profile, Instant at) {
        return new InfoHandler(profile, TEXTS, Clock.fixed(at, ZoneOffset.UTC));
    }

    private static Turn typed(String text) {
        return new Turn(InboundMessage.text(Channel.WEBCHAT, "reader", text), "webchat:key",
                Recognition.of(Intent.INFO), false, Dialog.start("webchat:key"));
    }

    private static Turn pressed(String argument) {
        return new Turn(InboundMessage.button(Channel.WEBCHAT, "reader", "INFO:" + argument), "webchat:key",
                new Recognition(Intent.INFO, argument), true, Dialog.start("webchat:key"));
    }

    private static Instant instant(String at) {
        return OffsetDateTime.parse(at).toInstant();
    }

    private static LibraryProfile withZone(ZoneId zone) {
        return new LibraryProfile(DEMO.name(), DEMO.shortName(), DEMO.website(), DEMO.phone(), DEMO.email(), zone,
                DEMO.branches(), DEMO.holidays(), DEMO.registration(), DEMO.prices(), DEMO.faq());
    }

    private static Texts texts() {
        ReloadableResourceBundleMessageSource messages = new ReloadableResourceBundleMessageSource();
        messages.setBasename("classpath:messages/bot");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new Texts(messages);
    }
}
