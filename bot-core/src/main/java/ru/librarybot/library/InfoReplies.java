package ru.librarybot.library;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ru.librarybot.conversation.Texts;

/** Words the answers about the library in Russian, from the profile and the clock, through the message bundle. */
final class InfoReplies {

    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMMM", Texts.RUSSIAN);
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d MMMM yyyy", Texts.RUSSIAN);
    private static final int HOLIDAYS_AHEAD_DAYS = 61;
    private static final int CHANGES_AHEAD_DAYS = 14;
    private static final int MAX_HOLIDAY_GROUPS = 12;

    private final LibraryProfile profile;
    private final Texts texts;

    InfoReplies(LibraryProfile profile, Texts texts) {
        this.profile = profile;
        this.texts = texts;
    }

    String overview(boolean understood, ZonedDateTime now) {
        return paragraphs(texts.get(understood ? "library.intro" : "library.notUnderstood"),
                openNow(profile.branches(), now), contacts());
    }

    /** "Сегодня суббота, 21 ноября. Сейчас 14:05." and a line per branch: open until, opens at, closed and why. */
    String openNow(List<Branch> branches, ZonedDateTime now) {
        LocalDate today = now.toLocalDate();
        List<String> lines = new ArrayList<>();
        lines.add(texts.get("library.now.title", weekday(today), date(today, today),
                TimeRange.format(now.toLocalTime())));
        branches.forEach(branch -> lines.add(nowLine(branch, now)));
        return String.join("\n", lines);
    }

    private String nowLine(Branch branch, ZonedDateTime now) {
        LocalDate today = now.toLocalDate();
        LocalTime time = now.toLocalTime();
        String name = branch.name();
        return switch (profile.scheduleOf(branch, today)) {
            case DaySchedule.Open open when open.isOpenAt(time) ->
                    texts.get("library.now.open", name, TimeRange.format(open.hours().to()), note(open.note()));
            case DaySchedule.Open open when open.lunchBreak() != null && open.lunchBreak().contains(time) ->
                    texts.get("library.now.onBreak", name, TimeRange.format(open.lunchBreak().to()),
                            TimeRange.format(open.hours().to()), note(open.note()));
            case DaySchedule.Open open when time.isBefore(open.hours().from()) ->
                    texts.get("library.now.opensToday", name, TimeRange.format(open.hours().from()),
                            TimeRange.format(open.hours().to()), note(open.note()));
            case DaySchedule.Open open -> withNextOpening(branch, today,
                    texts.get("library.now.closedForToday", name, TimeRange.format(open.hours().to())));
            case DaySchedule.Closed closed -> withNextOpening(branch, today, switch (closed.reason()) {
                case DAY_OFF -> texts.get("library.now.dayOff", name);
                case SANITARY_DAY -> texts.get("library.now.sanitaryDay", name);
                case HOLIDAY -> closed.note().isEmpty() ? texts.get("library.now.holidayNoNote", name)
                        : texts.get("library.now.holiday", name, closed.note());
            });
        };
    }

    private String withNextOpening(Branch branch, LocalDate today, String line) {
        return profile.nextOpenDay(branch, today)
                .map(day -> texts.get("library.now.next", line, when(day, today),
                        TimeRange.format(((DaySchedule.Open) profile.scheduleOf(branch, day)).hours().from())))
                .orElse(line);
    }

    /** "Часы работы в субботу, 28 ноября:" and a line per branch, for each day asked. */
    String hoursOn(List<LocalDate> days, List<Branch> branches, LocalDate today) {
        List<String> blocks = new ArrayList<>();
        for (LocalDate day : days) {
            List<String> lines = new ArrayList<>();
            lines.add(texts.get("library.day.title", when(day, today)));
            branches.forEach(branch -> lines.add(dayLine(branch.name(), profile.scheduleOf(branch, day))));
            blocks.add(String.join("\n", lines));
        }
        return String.join("\n\n", blocks);
    }

    private String dayLine(String who, DaySchedule schedule) {
        return switch (schedule) {
            case DaySchedule.Open(TimeRange hours, TimeRange pause, String note) when pause != null ->
                    texts.get("library.day.openWithBreak", who, hours.toString(), pause.toString(), note(note));
            case DaySchedule.Open(TimeRange hours, TimeRange pause, String note) ->
                    texts.get("library.day.open", who, hours.toString(), note(note));
            case DaySchedule.Closed(DaySchedule.Reason reason, String note) -> switch (reason) {
                case DAY_OFF -> texts.get("library.day.dayOff", who);
                case SANITARY_DAY -> texts.get("library.day.sanitaryDay", who);
                case HOLIDAY -> note.isEmpty() ? texts.get("library.day.holidayNoNote", who)
                        : texts.get("library.day.holiday", who, note);
            };
        };
    }

    /** Each branch's usual week in a line ("пн–пт 10:00–19:00, сб 10:00–18:00, вс — выходной"), then changes soon. */
    String weekly(List<Branch> branches, LocalDate today) {
        List<String> blocks = new ArrayList<>();
        blocks.add(texts.get("library.week.title"));
        for (Branch branch : branches) {
            List<String> lines = new ArrayList<>();
            lines.add(branch.name());
            lines.add(week(branch));
            if (branch.lunchBreak() != null) {
                lines.add(texts.get("library.week.break", branch.lunchBreak().toString()));
            }
            if (branch.sanitaryDay() != null) {
                SanitaryDay rule = branch.sanitaryDay();
                lines.add(texts.get("library.week.sanitary",
                        texts.get("library.sanitary." + rule.week().name(), rule.day().getValue())));
            }
            blocks.add(String.join("\n", lines));
        }
        List<String> changes = changes(branches, today, CHANGES_AHEAD_DAYS);
        if (!changes.isEmpty()) {
            blocks.add(texts.get("library.week.changes") + "\n" + String.join("\n", changes));
        }
        return String.join("\n\n", blocks);
    }

    private String week(Branch branch) {
        List<String> parts = new ArrayList<>();
        DayOfWeek first = DayOfWeek.MONDAY;
        for (DayOfWeek day : DayOfWeek.values()) {
            boolean groupEnds = day == DayOfWeek.SUNDAY
                    || !Objects.equals(branch.hours().get(day), branch.hours().get(day.plus(1)));
            if (groupEnds) {
                String days = first == day ? shortDay(day)
                        : texts.get("library.week.days", shortDay(first), shortDay(day));
                TimeRange hours = branch.hours().get(day);
                parts.add(hours == null ? texts.get("library.week.dayOff", days)
                        : texts.get("library.week.open", days, hours.toString()));
                first = day.plus(1);
            }
        }
        return String.join(", ", parts);
    }

    /** The holidays and shortened days coming up, or a line saying there are none. */
    String holidays(List<Branch> branches, LocalDate today) {
        List<String> changes = changes(branches, today, HOLIDAYS_AHEAD_DAYS);
        return changes.isEmpty() ? texts.get("library.holidays.none")
                : texts.get("library.holidays.title") + "\n" + String.join("\n", changes);
    }

    /**
     * Days that differ from the usual week and begin within the days ahead, consecutive equal days merged:
     * "С 1 по 8 января: все закрыто" (a run that starts inside the window is shown to its end).
     */
    private List<String> changes(List<Branch> branches, LocalDate today, int daysAhead) {
        LocalDate end = today.plusDays(daysAhead);
        TreeSet<LocalDate> dates = new TreeSet<>();
        Stream.concat(profile.holidays().stream(), branches.stream().flatMap(b -> b.exceptions().stream()))
                .map(DateException::date)
                .filter(d -> !d.isBefore(today))
                .forEach(dates::add);
        List<String> blocks = new ArrayList<>();
        LocalDate first = null;
        LocalDate last = null;
        List<DaySchedule> run = null;
        for (LocalDate date : dates) {
            List<DaySchedule> schedules = branches.stream().map(b -> profile.scheduleOf(b, date)).toList();
            if (first != null && date.equals(last.plusDays(1)) && schedules.equals(run)) {
                last = date;
                continue;
            }
            if (first != null) {
                blocks.add(changeBlock(branches, first, last, run, today));
            }
            if (!date.isBefore(end) || blocks.size() == MAX_HOLIDAY_GROUPS) {
                return blocks;
            }
            first = date;
            last = date;
            run = schedules;
        }
        if (first != null) {
            blocks.add(changeBlock(branches, first, last, run, today));
        }
        return blocks;
    }

    private String changeBlock(List<Branch> branches, LocalDate from, LocalDate to, List<DaySchedule> schedules,
                               LocalDate today) {
        String header = from.equals(to) ? texts.get("library.holidays.date", date(from, today), weekday(from))
                : texts.get("library.holidays.range",
                        from.getMonth() == to.getMonth() && from.getYear() == to.getYear()
                                ? String.valueOf(from.getDayOfMonth()) : date(from, today),
                        date(to, today));
        List<String> lines = new ArrayList<>();
        lines.add(header);
        if (branches.size() > 1 && schedules.stream().distinct().count() == 1) {
            lines.add(dayLine(texts.get("library.day.allBranches"), schedules.getFirst()));
        } else {
            for (int i = 0; i < branches.size(); i++) {
                lines.add(dayLine(branches.get(i).name(), schedules.get(i)));
            }
        }
        return String.join("\n", lines);
    }

    String addresses(List<Branch> branches) {
        List<String> blocks = new ArrayList<>();
        if (branches.size() > 1) {
            blocks.add(texts.get("library.address.title"));
        }
        branches.forEach(branch -> blocks.add(branch.name() + "\n" + address(branch)));
        return String.join("\n\n", blocks);
    }

    private String address(Branch branch) {
        return lines(texts.get("library.address.place", branch.address()),
                branch.directions().isEmpty() ? "" : texts.get("library.address.directions", branch.directions()),
                branch.phone().isEmpty() ? "" : texts.get("library.address.phone", branch.phone()));
    }

    String phones(List<Branch> branches) {
        List<String> lines = new ArrayList<>();
        lines.add(texts.get("library.phone.title"));
        branches.stream().filter(b -> !b.phone().isEmpty())
                .forEach(b -> lines.add(texts.get("library.phone.branch", b.name(), b.phone())));
        return paragraphs(String.join("\n", lines), contacts());
    }

    String registration() {
        return profile.registration().isEmpty()
                ? paragraphs(texts.get("library.register.missing"), contacts())
                : texts.get("library.register.title") + "\n" + profile.registration();
    }

    String prices(List<Price> prices) {
        if (prices.isEmpty()) {
            return paragraphs(texts.get("library.prices.missing"), contacts());
        }
        List<String> lines = new ArrayList<>();
        lines.add(texts.get("library.prices.title"));
        prices.forEach(p -> lines.add(texts.get("library.prices.line", p.name(), p.price())));
        return String.join("\n", lines);
    }

    /** Today at one branch and how to find it. */
    String branchCard(Branch branch, ZonedDateTime now) {
        return openNow(List.of(branch), now) + "\n\n" + address(branch);
    }

    private String contacts() {
        return lines(profile.phone().isEmpty() ? "" : texts.get("library.contacts.phone", profile.phone()),
                profile.email().isEmpty() ? "" : texts.get("library.contacts.email", profile.email()),
                profile.website().isEmpty() ? "" : texts.get("library.contacts.website", profile.website()));
    }

    /** "в субботу, 28 ноября", or "сегодня, …" / "завтра, …". */
    private String when(LocalDate day, LocalDate today) {
        if (day.equals(today)) {
            return texts.get("library.when.today", date(day, today));
        }
        if (day.equals(today.plusDays(1))) {
            return texts.get("library.when.tomorrow", date(day, today));
        }
        return texts.get("library.when.day", texts.get("library.weekday.on." + day.getDayOfWeek().name()),
                date(day, today));
    }

    private String weekday(LocalDate day) {
        return texts.get("library.weekday." + day.getDayOfWeek().name());
    }

    private String shortDay(DayOfWeek day) {
        return texts.get("library.weekday.short." + day.name());
    }

    /** "28 ноября"; the year only when it is not this one. */
    private static String date(LocalDate day, LocalDate today) {
        return (day.getYear() == today.getYear() ? DAY_MONTH : DAY_MONTH_YEAR).format(day);
    }

    private String note(String note) {
        return note.isEmpty() ? "" : texts.get("library.note", note);
    }

    /** The non-empty parts, one per line. */
    private static String lines(String... parts) {
        return Stream.of(parts).filter(p -> !p.isEmpty()).collect(Collectors.joining("\n"));
    }

    /** The non-empty parts with a blank line between them. */
    private static String paragraphs(String... parts) {
        return Stream.of(parts).filter(p -> !p.isEmpty()).collect(Collectors.joining("\n\n"));
    }
}
