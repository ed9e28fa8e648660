package ru.librarybot.webchat;

import java.util.List;

/**
 * A message the web chat will not pass to the engine. It carries a message bundle key, never what the reader
 * sent, so nothing of theirs ends up in a log.
 */
public class RefusedMessage extends RuntimeException {

    private final String reasonKey;
    private final List<Object> arguments;

    public RefusedMessage(String reasonKey, Object... arguments) {
        // bad input is routine: a stack trace would only cost time
        super(reasonKey, null, false, false);
        this.reasonKey = reasonKey;
        this.arguments = List.of(arguments);
    }

    public String reasonKey() {
        return reasonKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
