package ru.librarybot.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.springframework.stereotype.Component;

import ru.librarybot.conversation.TitleRecognizer;

/**
 * A reader's words name a title when the best match holds every word they typed, in its title or authors, and
 * they typed at least half of the title's words or named its author alone ("онегин", "пушкин").
 */
@Component
class CatalogTitleRecognizer implements TitleRecognizer {

    /** Longer text is a message, not a title someone typed from memory. */
    private static final int MAX_WORDS = 12;

    private final CatalogSearch search;
    private final Analyzer analyzer = new CatalogAnalyzer();

    CatalogTitleRecognizer(CatalogSearch search) {
        this.search = search;
    }

    @Override
    public boolean namesATitle(String words) {
        Set<String> asked = stems(ReaderQuery.strip(words));
        asked.removeIf(stem -> stem.length() < 3 && !stem.chars().allMatch(Character::isDigit));
        if (asked.isEmpty() || asked.size() > MAX_WORDS) {
            return false;
        }
        List<Title> best;
        try {
            best = search.search(words, 1);
        } catch (CatalogUnavailableException e) {
            return false;
        }
        return !best.isEmpty() && named(asked, best.getFirst());
    }

    private boolean named(Set<String> asked, Title title) {
        Set<String> titleWords = stems(title.title());
        Set<String> authorWords = stems(String.join(" ", title.authors()));
        Set<String> known = new HashSet<>(titleWords);
        known.addAll(authorWords);
        if (!asked.stream().allMatch(word -> among(word, known))) {
            return false;
        }
        long typed = titleWords.stream().filter(word -> among(word, asked)).count();
        return typed * 2 >= titleWords.size() || asked.stream().allMatch(word -> among(word, authorWords));
    }

    /** The word itself, or one letter off for words long enough that a typo does not make another word. */
    private static boolean among(String word, Set<String> words) {
        return words.contains(word) || word.length() >= 4 && words.stream().anyMatch(w -> oneEditApart(word, w));
    }

    private static boolean oneEditApart(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int i = 0;
        int j = 0;
        int edits = 0;
        while (i < a.length() && j < b.length()) {
            if (a.charAt(i) == b.charAt(j)) {
                i++;
                j++;
                continue;
            }
            if (++edits > 1) {
                return false;
            }
            if (a.length() > b.length()) {
                i++;
            } else if (a.length() < b.length()) {
                j++;
            } else {
                i++;
                j++;
            }
        }
        return edits + (a.length() - i) + (b.length() - j) <= 1;
    }

    private Set<String> stems(String text) {
        Set<String> stems = new HashSet<>();
        try (TokenStream tokens = analyzer.tokenStream("title", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                stems.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("Reading a string cannot fail", e);
        }
        return stems;
    }
}
