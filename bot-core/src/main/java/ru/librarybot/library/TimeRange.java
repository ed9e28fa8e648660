package ru.librarybot.library;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Opening hours within one day, such as 10:00–19:00, or a lunch break. */
public record TimeRange(LocalTime from, LocalTime to) {

    private static final Pattern RANGE = Pattern.compile("\\s*(\\d{1,2}[:.]\\d{2})\\s*[-–—]\\s*(\\d{1,2}[:.]\\d{2})\\s*");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("HH:mm");

    public TimeRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the range " + SHOWN.format(from) + "-" + SHOWN.format(to)
                    + " must start before it ends");
        }
    }

    /** Reads "10:00-19:00" (a hyphen or a dash, "." allowed for ":"). */
    public static TimeRange parse(String text) {
        Matcher m = RANGE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a time range like 10:00-19:00"
                    + " (for a day off, leave the day out)");
        }
        try {
            return new TimeRange(time(m.group(1)), time(m.group(2)));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' has a time that does not exist (hours 0-23, minutes 0-59)");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "': " + e.getMessage());
        }
    }

    private static LocalTime time(String text) {
        return LocalTime.parse(text.replace('.', ':'), TIME);
    }

    /** Whether the moment falls inside, the end excluded. */
    public boolean contains(LocalTime time) {
        return !time.isBefore(from) && time.isBefore(to);
    }

    /** Whether the other range lies wholly inside this one. */
    public boolean encloses(TimeRange other) {
        return from.isBefore(other.from) && other.to.isBefore(to);
    }

    public static String format(LocalTime time) {
        return SHOWN.format(time);
    }

    /** As readers see it: 10:00–19:00. */
    @Override
    public String toString() {
        return format(from) + "–" + format(to);
    }
}
