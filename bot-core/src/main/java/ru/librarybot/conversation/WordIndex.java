package ru.librarybot.conversation;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every pattern a word matches by hash lookups of its prefixes, so the cost grows with the word, not with
 * the lexicon. Only a word that matches nothing exactly is tried for typos, against forms with its first letter.
 */
final class WordIndex {

    private record Form(String text, boolean whole, int pattern) {
    }

    private final int patterns;
    private final Map<String, BitSet> wholeWords = new HashMap<>();
    private final Map<String, BitSet> stems = new HashMap<>();
    private final Map<Character, List<Form>> typoForms = new HashMap<>();
    private final int longestStem;

    WordIndex(List<WordPattern> patterns) {
        this.patterns = patterns.size();
        int longest = 0;
        for (int p = 0; p < patterns.size(); p++) {
            for (String whole : patterns.get(p).wholeWords()) {
                add(wholeWords, whole, p);
                addTypoForm(new Form(whole, true, p));
            }
            for (String stem : patterns.get(p).stems()) {
                add(stems, stem, p);
                addTypoForm(new Form(stem, false, p));
                longest = Math.max(longest, stem.length());
            }
        }
        this.longestStem = longest;
    }

    /** The indexes of the patterns the word matches. */
    BitSet match(String word) {
        BitSet found = new BitSet(patterns);
        BitSet whole = wholeWords.get(word);
        if (whole != null) {
            found.or(whole);
        }
        for (int length = 1; length <= Math.min(word.length(), longestStem); length++) {
            BitSet stem = stems.get(word.substring(0, length));
            if (stem != null) {
                found.or(stem);
            }
        }
        if (found.isEmpty() && word.length() >= WordPattern.MIN_TYPO_WORD && !BookQuery.isFiller(word)) {
            for (Form form : typoForms.getOrDefault(word.charAt(0), List.of())) {
                if (form.whole() ? WordPattern.oneSlipApart(word, form.text())
                        : WordPattern.startsWithSlip(word, form.text())) {
                    found.set(form.pattern());
                }
            }
        }
        return found;
    }

    private static void add(Map<String, BitSet> index, String form, int pattern) {
        index.computeIfAbsent(form, f -> new BitSet()).set(pattern);
    }

    private void addTypoForm(Form form) {
        if (form.text().length() >= WordPattern.MIN_TYPO_STEM) {
            typoForms.computeIfAbsent(form.text().charAt(0), c -> new ArrayList<>()).add(form);
        }
    }
}
