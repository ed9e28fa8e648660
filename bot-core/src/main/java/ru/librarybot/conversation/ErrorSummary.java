package ru.librarybot.conversation;

import java.util.Arrays;

import com.mongodb.MongoException;

/**
 * What went wrong, safe to log and store: the kinds of an exception and its causes ("DataAccessResourceFailureException
 * <- MongoTimeoutException"), a store's error code, and the line of ours it came through. Never their messages, which
 * may quote what a reader wrote: a card number, a PIN.
 */
public final class ErrorSummary {

    private ErrorSummary() {
    }

    public static String of(Throwable e) {
        StringBuilder kinds = new StringBuilder();
        for (Throwable cause = e; cause != null && kinds.length() < 300; cause = cause.getCause()) {
            if (!kinds.isEmpty()) {
                kinds.append(" <- ");
            }
            kinds.append(cause.getClass().getSimpleName());
            if (cause instanceof MongoException mongoError) {
                kinds.append(" code ").append(mongoError.getCode());
            }
        }
        Arrays.stream(e.getStackTrace()).filter(frame -> frame.getClassName().startsWith("ru.librarybot."))
                .findFirst().ifPresent(frame -> kinds.append(" at ").append(frame.getClassName()).append('.')
                        .append(frame.getMethodName()).append(':').append(frame.getLineNumber()));
        return kinds.toString();
    }
}
