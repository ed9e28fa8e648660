package ru.librarybot.messenger;

import java.util.List;

import org.junit.jupiter.api.Test;

import ru.librarybot.conversation.Button;
import ru.librarybot.conversation.Intent;
import ru.librarybot.conversation.Reply;

import static org.assertj.core.api.Assertions.assertThat;

class MessageLimitsTest {

    private final MessageLimits limits = new MessageLimits(30, 20);
    private final List<Button> menu = List.of(Button.of("Меню", Intent.HELP));

    @Test
    void splitsALongTextAndKeepsTheButtonsOnTheLastPart() {
        List<Reply> messages = limits.messages(new Reply.Text("Одно предложение. Другое предложение тут", menu));

        assertThat(messages).containsExactly(new Reply.Text("Одно предложение. ", List.of()),
                new Reply.Text("Другое предложение тут", menu));
    }

    @Test
    void keepsAPictureWhoseAltTextFitsTheCaptionAsOneMessage() {
        Reply.Image map = new Reply.Image(new byte[] {1, 2, 3}, "Схема проезда", menu);

        assertThat(limits.messages(map)).containsExactly(map);
    }

    @Test
    void sendsAnAltTextTooLongForACaptionAsTextAfterTheBarePicture() {
        byte[] png = {1, 2, 3};
        List<Reply> messages = limits.messages(new Reply.Image(png, "Схема проезда к центральной библиотеке", menu));

        assertThat(messages).hasSize(3);
        assertThat(messages.getFirst()).isInstanceOfSatisfying(Reply.Image.class, picture -> {
            assertThat(picture.png()).isEqualTo(png);
            assertThat(picture.altText()).isEmpty();
            assertThat(picture.buttons()).isEmpty();
        });
        assertThat(messages.subList(1, 3)).containsExactly(new Reply.Text("Схема проезда к центральной ", List.of()),
                new Reply.Text("библиотеке", menu));
    }
}
