package ru.librarybot.library;

import java.time.LocalTime;

/** How one branch works on one date, all rules applied. */
public sealed interface DaySchedule {

    /**
     * @param lunchBreak the break that day, or {@code null}
     * @param note why the hours differ from the usual ones, or empty
     */
    record Open(TimeRange hours, TimeRange lunchBreak, String note) implements DaySchedule {

        /** The moment the branch next lets readers in at or after the given time, or {@code null} if not today. */
        public LocalTime nextOpening(LocalTime time) {
            if (time.isBefore(hours.from())) {
                return hours.from();
            }
            if (lunchBreak != null && lunchBreak.contains(time)) {
                return lunchBreak.to();
            }
            return null;
        }

        public boolean isOpenAt(LocalTime time) {
            return hours.contains(time) && (lunchBreak == null || !lunchBreak.contains(time));
        }
    }

    /** @param note the holiday's name, or empty */
    record Closed(Reason reason, String note) implements DaySchedule {
    }

    enum Reason {
        DAY_OFF, SANITARY_DAY, HOLIDAY
    }
}
