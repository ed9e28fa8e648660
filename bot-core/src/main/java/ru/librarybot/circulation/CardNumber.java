package ru.librarybot.circulation;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A library card number as the reader typed it, normalised. Held in memory only while a request needs it; its
 * {@link #toString()} is masked so it never reaches a log in clear.
 */
public record CardNumber(String value) {

    private static final Pattern VALID = Pattern.compile("[0-9A-Z]{4,20}");

    public CardNumber {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a card number");
        }
    }

    /** Spaces, dashes and dots readers type between digit groups are dropped; letters are upper-cased. */
    public static Optional<CardNumber> parse(String typed) {
        if (typed == null || typed.length() > 64) {
            return Optional.empty();
        }
        String compact = typed.strip().replaceAll("[\\s\\-.№#]", "").toUpperCase(Locale.ROOT);
        return VALID.matcher(compact).matches() ? Optional.of(new CardNumber(compact)) : Optional.empty();
    }

    /** The last four characters after dots, e.g. "•••• 1234", as readers see their card in replies. */
    public String masked() {
        return "•••• " + value.substring(Math.max(0, value.length() - 4));
    }

    @Override
    public String toString() {
        return masked();
    }
}
