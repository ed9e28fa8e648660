package ru.librarybot.conversation;

import java.util.Arrays;
import java.util.List;

/**
 * One word position of a cue: stems matched as prefixes, so that one stem covers the inflected forms
 * ("продл" matches продлить, продлите, продление), or whole words when written with a leading '='.
 * Alternatives are separated by '|'.
 */
record WordPattern(List<String> stems, List<String> wholeWords) {

    static final int MIN_TYPO_WORD = 5;
    // a typo in a shorter stem turns one word into another too often ("капит" is one slip from "купит")
    static final int MIN_TYPO_STEM = 6;

    static WordPattern parse(String spec) {
        List<String> alternatives = Arrays.asList(spec.split("\\|"));
        return new WordPattern(
                alternatives.stream().filter(a -> !a.startsWith("=")).toList(),
                alternatives.stream().filter(a -> a.startsWith("=")).map(a -> a.substring(1)).toList());
    }

    /** Whether the word starts with the stem but for one typing slip. */
    static boolean startsWithSlip(String word, String stem) {
        for (int length = stem.length() - 1; length <= Math.min(word.length(), stem.length() + 1); length++) {
            if (oneSlipApart(word.substring(0, length), stem)) {
                return true;
            }
        }
        return false;
    }

    /** Optimal string alignment distance ≤ 1 (a letter missed, added, swapped or replaced), first letter kept. */
    static boolean oneSlipApart(String a, String b) {
        if (a.isEmpty() || b.isEmpty() || a.charAt(0) != b.charAt(0) || Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()] <= 1;
    }
}
