package ru.librarybot.messenger;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextSplitterTest {

    @Test
    void leavesATextWithinTheLimitWhole() {
        assertThat(TextSplitter.split("Мы открыты с 10 до 19.", 4096)).containsExactly("Мы открыты с 10 до 19.");
    }

    @Test
    void cutsAtALineBreakBeforeASentenceAndAtASentenceBeforeAWord() {
        assertThat(TextSplitter.split("Первая строка.\nВторая строка. Третья", 25))
                .containsExactly("Первая строка.\n", "Вторая строка. Третья");
        assertThat(TextSplitter.split("Одно предложение. Другое предложение тут", 30))
                .containsExactly("Одно предложение. ", "Другое предложение тут");
    }

    @Test
    void cutsAnUnbrokenWordWithoutTearingAnEmojiApart() {
        String text = "a".repeat(9) + "😀" + "b".repeat(5);
        List<String> parts = TextSplitter.split(text, 10);

        assertThat(String.join("", parts)).isEqualTo(text);
        assertThat(parts.getFirst()).isEqualTo("a".repeat(9));
        assertThat(parts).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(10));
    }

    @Test
    void losesNoCharacterOfALongText() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 10_000; i++) {
            text.append(i % 7 == 0 ? "\n" : "").append("Слово").append(i).append(i % 5 == 0 ? ". " : " ");
        }
        List<String> parts = TextSplitter.split(text.toString(), 4096);

        assertThat(String.join("", parts)).isEqualTo(text.toString());
        assertThat(parts).hasSize(3).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(4096));
    }
}
