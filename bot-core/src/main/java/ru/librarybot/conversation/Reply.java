package ru.librarybot.conversation;

import java.util.List;

/** One message the bot sends back; connectors render it in their platform's terms. */
public sealed interface Reply {

    List<Button> buttons();

    record Text(String text, List<Button> buttons) implements Reply {
        public Text {
            buttons = List.copyOf(buttons);
        }

        public Text(String text) {
            this(text, List.of());
        }
    }

    /** A picture (a chart, a map) with the text a screen reader or a caption shows. */
    record Image(byte[] png, String altText, List<Button> buttons) implements Reply {
        public Image {
            buttons = List.copyOf(buttons);
        }
    }
}
