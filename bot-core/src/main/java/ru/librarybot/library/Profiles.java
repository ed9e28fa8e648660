package ru.librarybot.library;

import java.util.List;
import java.util.Map;

/** Checks shared by the profile records, so a librarian's slip names the field it is in. */
final class Profiles {

    private Profiles() {
    }

    static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value.strip();
    }

    static String optional(String value) {
        return value == null ? "" : value.strip();
    }

    static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    static <K, V> Map<K, V> map(Map<K, V> values) {
        return values == null ? Map.of() : Map.copyOf(values);
    }
}
