package ru.librarybot.library;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Russian words compared loosely enough that "в детской" finds "детская" and "потеряла" finds "потерял". */
final class Words {

    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}-]+");

    private Words() {
    }

    /** Lowercase, ё as е, punctuation dropped; "№3" gives "3". */
    static String normalize(String text) {
        return text.toLowerCase(Locale.ROOT).replace('ё', 'е').replace("№", " ");
    }

    static List<String> tokens(String text) {
        return Arrays.stream(NOT_A_WORD.split(normalize(text)))
                .map(Words::withoutOuterHyphens)
                .filter(t -> !t.isEmpty())
                .toList();
    }

    private static String withoutOuterHyphens(String token) {
        int start = 0;
        int end = token.length();
        while (start < end && token.charAt(start) == '-') {
            start++;
        }
        while (end > start && token.charAt(end - 1) == '-') {
            end--;
        }
        return token.substring(start, end);
    }

    /** Same word up to its ending: short words must match exactly, longer ones may differ in the last letters. */
    static boolean sameWord(String token, String word) {
        if (token.equals(word)) {
            return true;
        }
        int common = 0;
        int limit = Math.min(token.length(), word.length());
        while (common < limit && token.charAt(common) == word.charAt(common)) {
            common++;
        }
        return common >= 4 && common >= Math.max(token.length(), word.length()) - 3 && common >= limit - 2;
    }

    /** How many words the phrase has when each of them occurs in the tokens, else 0. */
    static int phraseScore(List<String> tokens, String phrase) {
        List<String> words = tokens(phrase);
        if (words.isEmpty()) {
            return 0;
        }
        for (String word : words) {
            if (tokens.stream().noneMatch(token -> sameWord(token, word))) {
                return 0;
            }
        }
        return words.size();
    }

    /** How many tokens begin with one of the stems; a stem under four letters must be the whole token. */
    static int stemHits(List<String> tokens, List<String> stems) {
        int hits = 0;
        for (String token : tokens) {
            if (stems.stream().anyMatch(stem -> stem.length() < 4 ? token.equals(stem) : token.startsWith(stem))) {
                hits++;
            }
        }
        return hits;
    }
}
