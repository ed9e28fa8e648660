package ru.librarybot.library;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * The day each month a branch closes for cleaning, such as the last Friday of the month.
 *
 * @param week which occurrence of the weekday in the month
 */
public record SanitaryDay(Week week, DayOfWeek day) {

    public enum Week {
        FIRST, SECOND, THIRD, FOURTH, LAST
    }

    public SanitaryDay {
        Objects.requireNonNull(week, "week");
        Objects.requireNonNull(day, "day");
    }

    /** Reads "last friday", "LAST_FRIDAY", "first monday of month". */
    public static SanitaryDay parse(String text) {
        String[] words = text.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+OF\\s+(THE\\s+)?MONTH$", "")
                .split("[\\s_-]+");
        try {
            if (words.length == 2) {
                return new SanitaryDay(Week.valueOf(words[0]), DayOfWeek.valueOf(words[1]));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the explanation below
        }
        throw new IllegalArgumentException("'" + text + "' is not a monthly day like 'last friday' "
                + "(first, second, third, fourth or last, then a weekday in English)");
    }

    public boolean fallsOn(LocalDate date) {
        if (date.getDayOfWeek() != day) {
            return false;
        }
        return switch (week) {
            case LAST -> date.plusWeeks(1).getMonth() != date.getMonth();
            default -> (date.getDayOfMonth() - 1) / 7 == week.ordinal();
        };
    }
}
