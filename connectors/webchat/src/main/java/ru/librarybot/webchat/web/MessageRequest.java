package ru.librarybot.webchat.web;

import ru.librarybot.conversation.InboundMessage.Content;
import ru.librarybot.webchat.RefusedMessage;

/** A reader's message as the chat page posts it: typed text or a pressed button's payload, never both. */
record MessageRequest(String user, String text, String button) {

    Content content() {
        if ((text == null) == (button == null)) {
            throw new RefusedMessage("webchat.refused.textOrButton");
        }
        return text != null ? new Content.Text(text) : new Content.ButtonPress(button);
    }
}
