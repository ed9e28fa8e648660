package ru.librarybot.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Brings a reader's message to one spelling: bounded length, Cyrillic for Latin look-alikes, lower case, е for ё. */
final class ReaderText {

    /** No reader request needs more; longer texts are cut so that analysis stays cheap. */
    static final int MAX_CHARS = 1000;

    private static final Pattern LETTERS = Pattern.compile("\\p{L}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    // Latin letters that look like Cyrillic ones on a phone keyboard, including handwriting-like u (и) and n (п)
    private static final Map<Character, Character> LOOKALIKES = Map.ofEntries(
            Map.entry('A', 'А'), Map.entry('B', 'В'), Map.entry('C', 'С'), Map.entry('E', 'Е'), Map.entry('H', 'Н'),
            Map.entry('K', 'К'), Map.entry('M', 'М'), Map.entry('O', 'О'), Map.entry('P', 'Р'), Map.entry('T', 'Т'),
            Map.entry('X', 'Х'), Map.entry('Y', 'У'), Map.entry('a', 'а'), Map.entry('c', 'с'), Map.entry('e', 'е'),
            Map.entry('k', 'к'), Map.entry('o', 'о'), Map.entry('p', 'р'), Map.entry('x', 'х'), Map.entry('y', 'у'),
            Map.entry('u', 'и'), Map.entry('n', 'п'));

    private ReaderText() {
    }

    static String normalize(String raw) {
        String bounded = bound(raw == null ? "" : raw.strip());
        return cyrillicLookalikes(bounded).toLowerCase(Locale.ROOT).replace('ё', 'е');
    }

    /** The words of a normalized text: letters and digits, split at everything else, hyphens included. */
    static List<String> words(String normalized) {
        List<String> words = new ArrayList<>();
        for (String word : NOT_WORD.split(normalized)) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    private static String bound(String text) {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
        return text.substring(0, end);
    }

    /**
     * Replaces Latin look-alikes inside Cyrillic words ("Мacтер"), and short all-look-alike Latin words in a
     * Cyrillic message ("a вы"). Whole Latin words such as "Harry Potter" stay Latin.
     */
    private static String cyrillicLookalikes(String text) {
        boolean mostlyCyrillic = mostlyCyrillic(text);
        Matcher word = LETTERS.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        while (word.find()) {
            out.append(text, last, word.start());
            out.append(asCyrillic(word.group(), mostlyCyrillic));
            last = word.end();
        }
        return out.append(text, last, text.length()).toString();
    }

    private static String asCyrillic(String word, boolean mostlyCyrillic) {
        boolean cyrillic = false;
        boolean latin = false;
        boolean allLookalikes = true;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            cyrillic |= script == Character.UnicodeScript.CYRILLIC;
            if (script == Character.UnicodeScript.LATIN) {
                latin = true;
                allLookalikes &= LOOKALIKES.containsKey(c);
            }
        }
        boolean mixed = cyrillic && latin;
        boolean strayShortWord = mostlyCyrillic && latin && !cyrillic && allLookalikes && word.length() <= 2;
        if (!mixed && !strayShortWord) {
            return word;
        }
        StringBuilder fixed = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            fixed.append(LOOKALIKES.getOrDefault(c, c));
        }
        return fixed.toString();
    }

    private static boolean mostlyCyrillic(String text) {
        int cyrillic = 0;
        int latin = 0;
        for (int i = 0; i < text.length(); i++) {
            switch (Character.UnicodeScript.of(text.charAt(i))) {
                case CYRILLIC -> cyrillic++;
                case LATIN -> latin++;
                default -> { }
            }
        }
        return cyrillic > latin;
    }
}
