package ru.librarybot.circulation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import ru.librarybot.conversation.Texts;

/** Dates as readers read them: "24 ноября". */
public final class DueDates {

    private static final DateTimeFormatter DAY_AND_MONTH = DateTimeFormatter.ofPattern("d MMMM", Texts.RUSSIAN);

    private DueDates() {
    }

    public static String format(LocalDate date) {
        return date == null ? "?" : DAY_AND_MONTH.format(date);
    }
}
