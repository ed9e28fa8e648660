package ru.librarybot.conversation;

/**
 * One reader message on its way through the engine.
 *
 * @param readerKey the pseudonymous key of this channel account
 * @param recognition what the reader wants; for a button, the payload's intent and argument (as {@code query})
 * @param pressed whether the reader pressed a button rather than typed
 */
public record Turn(InboundMessage message, String readerKey, Recognition recognition, boolean pressed, Dialog dialog) {

    public Intent intent() {
        return recognition.intent();
    }

    /** The reader's own text, or empty for a button press. */
    public String text() {
        return message.content() instanceof InboundMessage.Content.Text(String text) ? text : "";
    }
}
