package ru.librarybot.webchat.web;

import java.util.Base64;
import java.util.List;

import ru.librarybot.conversation.Answer;
import ru.librarybot.conversation.Button;
import ru.librarybot.conversation.Intent;
import ru.librarybot.conversation.Reply;

/** The engine's answer as the chat page reads it. */
record AnswerView(Intent intent, List<ReplyView> replies) {

    static AnswerView of(Answer answer) {
        return new AnswerView(answer.intent(), views(answer.replies()));
    }

    static List<ReplyView> views(List<Reply> replies) {
        return replies.stream().map(AnswerView::view).toList();
    }

    private static ReplyView view(Reply reply) {
        return switch (reply) {
            case Reply.Text(String text, List<Button> buttons) -> new ReplyView.TextView(text, buttons);
            case Reply.Image(byte[] png, String altText, List<Button> buttons) -> new ReplyView.ImageView(
                    "data:image/png;base64," + Base64.getEncoder().encodeToString(png), altText, buttons);
        };
    }

    /** One bubble: a text, or a picture the page shows inline with its alt text. */
    sealed interface ReplyView {

        record TextView(String text, List<Button> buttons) implements ReplyView {
        }

        record ImageView(String image, String alt, List<Button> buttons) implements ReplyView {
        }
    }
}
