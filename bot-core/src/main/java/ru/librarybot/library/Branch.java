package ru.librarybot.library;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One library building readers come to.
 *
 * @param id a short latin id, part of button data
 * @param aliases what readers call it: "детская", "на Ленина", "филиал 3"
 * @param directions how to get there by public transport
 * @param hours the usual hours per weekday; a day off has none
 * @param lunchBreak a daily break, or {@code null}
 * @param sanitaryDay the monthly cleaning day, or {@code null}
 * @param exceptions this branch's own dates, taking precedence over the library-wide holidays
 */
public record Branch(String id, String name, List<String> aliases, String address, String phone, String directions,
                     Map<DayOfWeek, TimeRange> hours, TimeRange lunchBreak, SanitaryDay sanitaryDay,
                     List<DateException> exceptions) {

    public Branch {
        id = Profiles.required(id, "id");
        if (!id.matches("[a-z0-9-]{1,32}")) {
            throw new IllegalArgumentException("id '" + id
                    + "' must be up to 32 latin lowercase letters, digits or '-' (it goes into button data)");
        }
        name = Profiles.required(name, "name");
        aliases = Profiles.list(aliases);
        address = Profiles.required(address, "address");
        phone = Profiles.optional(phone);
        directions = Profiles.optional(directions);
        hours = Profiles.map(hours);
        if (hours.isEmpty()) {
            throw new IllegalArgumentException("hours are missing: give at least one weekday, e.g. monday: 10:00-19:00");
        }
        exceptions = Profiles.list(exceptions);
        requireDistinctDates(exceptions, "exceptions");
    }

    static void requireDistinctDates(List<DateException> exceptions, String field) {
        Set<LocalDate> seen = new HashSet<>();
        for (DateException exception : exceptions) {
            if (!seen.add(exception.date())) {
                throw new IllegalArgumentException(field + " list " + exception.date() + " twice");
            }
        }
    }

    /**
     * The branch's day: its own exception first, then a library-wide holiday (whose shortened hours only touch a
     * day the branch works anyway), then the sanitary day, then the usual weekday hours.
     */
    public DaySchedule on(LocalDate date, List<DateException> holidays) {
        Optional<DateException> own = exceptions.stream().filter(e -> e.date().equals(date)).findFirst();
        if (own.isPresent()) {
            return apply(own.get());
        }
        TimeRange usual = hours.get(date.getDayOfWeek());
        Optional<DateException> holiday = holidays.stream().filter(e -> e.date().equals(date)).findFirst();
        if (holiday.isPresent() && (holiday.get().closed() || usual != null)) {
            return apply(holiday.get());
        }
        if (sanitaryDay != null && sanitaryDay.fallsOn(date)) {
            return new DaySchedule.Closed(DaySchedule.Reason.SANITARY_DAY, "");
        }
        if (usual == null) {
            return new DaySchedule.Closed(DaySchedule.Reason.DAY_OFF, "");
        }
        return open(usual, "");
    }

    private DaySchedule apply(DateException exception) {
        return exception.closed()
                ? new DaySchedule.Closed(DaySchedule.Reason.HOLIDAY, exception.note())
                : open(exception.hours(), exception.note());
    }

    private DaySchedule open(TimeRange range, String note) {
        TimeRange pause = lunchBreak != null && range.encloses(lunchBreak) ? lunchBreak : null;
        return new DaySchedule.Open(range, pause, note);
    }
}
