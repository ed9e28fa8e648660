package ru.librarybot.messenger;

import java.util.ArrayList;
import java.util.List;

import ru.librarybot.conversation.Button;
import ru.librarybot.conversation.Reply;

/** How many characters a platform takes in one text message and in one photo's caption. */
public record MessageLimits(int textLimit, int captionLimit) {

    /**
     * The platform messages one reply becomes, in order: a long text is split, a caption too long for a photo
     * follows it as text. Buttons stay on the last message.
     */
    public List<Reply> messages(Reply reply) {
        return switch (reply) {
            case Reply.Text text -> texts(text.text(), text.buttons());
            case Reply.Image image when image.altText().length() <= captionLimit -> List.of(image);
            case Reply.Image image -> {
                List<Reply> messages = new ArrayList<>();
                messages.add(new Reply.Image(image.png(), "", List.of()));
                messages.addAll(texts(image.altText(), image.buttons()));
                yield messages;
            }
        };
    }

    private List<Reply> texts(String text, List<Button> buttons) {
        List<String> parts = TextSplitter.split(text, textLimit);
        List<Reply> messages = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            messages.add(new Reply.Text(parts.get(i), i == parts.size() - 1 ? buttons : List.of()));
        }
        return messages;
    }
}
