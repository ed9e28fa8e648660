package ru.librarybot.analytics;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message text as the interaction log keeps it: long digit runs masked, cut to a bound.
 *
 * @param truncated whether the original text was longer than {@link #MAX_LENGTH}
 */
record LoggedText(String text, boolean truncated) {

    static final int MAX_LENGTH = 1_000;

    // readers type card numbers and PINs into chat: 6+ digits (spaces or dashes between allowed) keep only the last 2
    private static final Pattern DIGIT_RUN = Pattern.compile("\\d(?:[ \\-]?\\d){5,}");

    static LoggedText of(String text) {
        if (text == null) {
            return new LoggedText("", false);
        }
        String masked = mask(text);
        if (masked.length() <= MAX_LENGTH) {
            return new LoggedText(masked, false);
        }
        int end = Character.isHighSurrogate(masked.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1 : MAX_LENGTH;
        return new LoggedText(masked.substring(0, end), true);
    }

    private static String mask(String text) {
        Matcher run = DIGIT_RUN.matcher(text);
        if (!run.find()) {
            return text;
        }
        StringBuilder masked = new StringBuilder(text.length());
        do {
            run.appendReplacement(masked, Matcher.quoteReplacement(maskRun(run.group())));
        } while (run.find());
        run.appendTail(masked);
        return masked.toString();
    }

    private static String maskRun(String run) {
        StringBuilder masked = new StringBuilder(run);
        int digitsKept = 0;
        for (int i = masked.length() - 1; i >= 0; i--) {
            if (Character.isDigit(masked.charAt(i)) && digitsKept++ >= 2) {
                masked.setCharAt(i, '*');
            }
        }
        return masked.toString();
    }
}
