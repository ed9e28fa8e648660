package ru.librarybot.library;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A date when a branch works differently: closed for a holiday, or with shortened hours before one.
 *
 * @param hours the hours that day, or {@code null} when closed
 * @param note why, as readers see it ("День народного единства")
 */
public record DateException(LocalDate date, boolean closed, TimeRange hours, String note) {

    public DateException {
        Objects.requireNonNull(date, "date is missing");
        if (closed == (hours != null)) {
            throw new IllegalArgumentException("the exception of " + date
                    + " needs either 'closed: true' or 'hours: 10:00-16:00', not both or neither");
        }
        note = Profiles.optional(note);
    }
}
