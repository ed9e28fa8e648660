package ru.librarybot.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BranchScheduleTest {

    private static final TimeRange WORKDAY = TimeRange.parse("10:00-19:00");

    @Test
    void theLastFridayIsTheLastOneOfItsMonth() {
        SanitaryDay lastFriday = SanitaryDay.parse("last friday");

        assertThat(lastFriday.fallsOn(LocalDate.of(2026, 11, 27))).isTrue();
        assertThat(lastFriday.fallsOn(LocalDate.of(2026, 11, 20))).isFalse();
        assertThat(lastFriday.fallsOn(LocalDate.of(2027, 1, 29))).isTrue();
    }

    @Test
    void theFirstMondayIsWithinTheFirstSevenDays() {
        SanitaryDay firstMonday = SanitaryDay.parse("FIRST_MONDAY");

        assertThat(firstMonday.fallsOn(LocalDate.of(2026, 11, 2))).isTrue();
        assertThat(firstMonday.fallsOn(LocalDate.of(2026, 11, 9))).isFalse();
    }

    @Test
    void aLibraryWideShortenedDayDoesNotOpenABranchOnItsDayOff() {
        Branch closedOnMondays = branch(Map.of(DayOfWeek.TUESDAY, WORKDAY), List.of());
        LocalDate monday = LocalDate.of(2029, 12, 31);
        DateException shortened = new DateException(monday, false, TimeRange.parse("10:00-16:00"), "предпраздничный");

        assertThat(closedOnMondays.on(monday, List.of(shortened)))
                .isEqualTo(new DaySchedule.Closed(DaySchedule.Reason.DAY_OFF, ""));
    }

    @Test
    void aBranchOwnExceptionOutranksTheLibraryWideHoliday() {
        LocalDate day = LocalDate.of(2026, 11, 4);
        DateException open = new DateException(day, false, TimeRange.parse("12:00-16:00"), "дежурная библиотека");
        Branch onDuty = branch(Map.of(DayOfWeek.WEDNESDAY, WORKDAY), List.of(open));

        assertThat(onDuty.on(day, List.of(new DateException(day, true, null, "День народного единства"))))
                .isEqualTo(new DaySchedule.Open(TimeRange.parse("12:00-16:00"), null, "дежурная библиотека"));
    }

    @Test
    void theLunchBreakIsNeitherOpenNorTheEndOfTheDay() {
        DaySchedule.Open day = new DaySchedule.Open(WORKDAY, TimeRange.parse("14:00-15:00"), "");

        assertThat(day.isOpenAt(LocalTime.of(14, 30))).isFalse();
        assertThat(day.isOpenAt(LocalTime.of(15, 0))).isTrue();
        assertThat(day.isOpenAt(LocalTime.of(19, 0))).isFalse();
    }

    @Test
    void aRangeMustStartBeforeItEnds() {
        assertThatThrownBy(() -> TimeRange.parse("19:00-10:00")).hasMessageContaining("must start before it ends");
        assertThat(TimeRange.parse("9.30 – 18.00")).hasToString("09:30–18:00");
    }

    private static Branch branch(Map<DayOfWeek, TimeRange> hours, List<DateException> exceptions) {
        return new Branch("b", "Библиотека", List.of(), "ул. Мира, 1", "", "", hours, null, null, exceptions);
    }
}
