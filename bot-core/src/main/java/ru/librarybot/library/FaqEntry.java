package ru.librarybot.library;

import java.util.List;

/**
 * A question readers often ask, answered by the library in its own words.
 *
 * @param keywords words or short phrases that point to this answer; a phrase matches when all its words occur
 */
public record FaqEntry(List<String> keywords, String answer) {

    public FaqEntry {
        keywords = Profiles.list(keywords).stream().filter(k -> k != null && !k.isBlank()).map(String::strip).toList();
        if (keywords.isEmpty()) {
            throw new IllegalArgumentException("keywords are missing");
        }
        answer = Profiles.required(answer, "answer");
    }
}
