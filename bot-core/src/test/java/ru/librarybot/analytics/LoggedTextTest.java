package ru.librarybot.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoggedTextTest {

    @Test
    void masksACardNumberKeepingItsLastTwoDigits() {
        LoggedText logged = LoggedText.of("мой билет 2100345678901, пин 1234");

        assertThat(logged.text()).isEqualTo("мой билет ***********01, пин 1234");
        assertThat(logged.truncated()).isFalse();
    }

    @Test
    void masksDigitsTypedInGroups() {
        assertThat(LoggedText.of("карта 1234 5678-9012").text()).isEqualTo("карта **** ****-**12");
    }

    @Test
    void keepsShortNumbersSuchAsYearsAndShelfMarks() {
        assertThat(LoggedText.of("Оруэлл 1984, издание 2019 года, 5 экз.").text())
                .isEqualTo("Оруэлл 1984, издание 2019 года, 5 экз.");
    }

    @Test
    void cutsATextOverTheBoundAndFlagsIt() {
        LoggedText logged = LoggedText.of("а".repeat(10_000));

        assertThat(logged.text()).hasSize(LoggedText.MAX_LENGTH);
        assertThat(logged.truncated()).isTrue();
    }

    @Test
    void keepsATextAtTheBoundWhole() {
        LoggedText logged = LoggedText.of("б".repeat(LoggedText.MAX_LENGTH));

        assertThat(logged.text()).hasSize(LoggedText.MAX_LENGTH);
        assertThat(logged.truncated()).isFalse();
    }

    @Test
    void masksADigitRunThatCrossesTheBoundBeforeCutting() {
        String text = "а".repeat(LoggedText.MAX_LENGTH - 4) + "1234567890";

        assertThat(LoggedText.of(text).text()).endsWith("****").doesNotContainPattern("\\d");
    }

    @Test
    void neverCutsAnEmojiInHalf() {
        String text = "я".repeat(LoggedText.MAX_LENGTH - 1) + "😀 и ещё";

        assertThat(LoggedText.of(text).text()).hasSize(LoggedText.MAX_LENGTH - 1).doesNotContain("\uD83D");
    }
}
