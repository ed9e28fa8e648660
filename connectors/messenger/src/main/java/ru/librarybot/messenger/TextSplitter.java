package ru.librarybot.messenger;

import java.util.ArrayList;
import java.util.List;

/** Cuts a text longer than a platform allows into messages, at a paragraph, line or sentence where it can. */
public final class TextSplitter {

    private TextSplitter() {
    }

    /** Every character of the text ends up in exactly one part, in order; no part is longer than {@code limit}. */
    public static List<String> split(String text, int limit) {
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (rest.length() > limit) {
            int cut = cutAt(rest, limit);
            parts.add(rest.substring(0, cut));
            rest = rest.substring(cut);
        }
        parts.add(rest);
        return parts;
    }

    private static int cutAt(String text, int limit) {
        // a cut no earlier than half the limit keeps parts from becoming a trail of fragments
        int floor = limit / 2;
        int paragraph = text.lastIndexOf("\n\n", limit - 2);
        if (paragraph >= floor) {
            return paragraph + 2;
        }
        int line = text.lastIndexOf('\n', limit - 1);
        if (line >= floor) {
            return line + 1;
        }
        for (int i = limit - 1; i >= floor; i--) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) && i > 0 && isSentenceEnd(text.charAt(i - 1))) {
                return i + 1;
            }
        }
        for (int i = limit - 1; i >= floor; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i + 1;
            }
        }
        // one unbroken word: cut, but never between the halves of a surrogate pair
        return Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit;
    }

    private static boolean isSentenceEnd(char c) {
        return c == '.' || c == '!' || c == '?' || c == '…' || c == ';';
    }
}
