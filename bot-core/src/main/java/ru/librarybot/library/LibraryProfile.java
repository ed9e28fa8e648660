package ru.librarybot.library;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the bot tells readers about the library, as its librarians describe it in the profile file.
 *
 * @param zone where the library is: "today" and "now" are taken there
 * @param holidays dates every branch works differently
 * @param registration how to become a reader, in the library's words
 * @param circulation renewal rules of the bot's own circulation; the defaults when the profile has none
 */
public record LibraryProfile(String name, String shortName, String website, String phone, String email, ZoneId zone,
                             List<Branch> branches, List<DateException> holidays, String registration,
                             List<Price> prices, List<FaqEntry> faq, CirculationRules circulation) {

    public LibraryProfile {
        name = Profiles.required(name, "name");
        shortName = shortName == null || shortName.isBlank() ? name : shortName.strip();
        website = Profiles.optional(website);
        phone = Profiles.optional(phone);
        email = Profiles.optional(email);
        Objects.requireNonNull(zone, "zone is missing (e.g. Europe/Moscow)");
        branches = Profiles.list(branches);
        if (branches.isEmpty()) {
            throw new IllegalArgumentException("branches are missing: describe at least one");
        }
        Set<String> ids = new HashSet<>();
        for (Branch branch : branches) {
            if (!ids.add(branch.id())) {
                throw new IllegalArgumentException("branches: two branches have the id '" + branch.id() + "'");
            }
        }
        holidays = Profiles.list(holidays);
        Branch.requireDistinctDates(holidays, "holidays");
        registration = Profiles.optional(registration);
        prices = Profiles.list(prices);
        faq = Profiles.list(faq);
        circulation = circulation == null ? CirculationRules.DEFAULT : circulation;
    }

    public DaySchedule scheduleOf(Branch branch, LocalDate date) {
        return branch.on(date, holidays);
    }

    /** The branch's name as readers know it, or the code itself for a location the profile does not list. */
    public String branchName(String id) {
        return branch(id).map(Branch::name).orElse(id);
    }

    public Optional<Branch> branch(String id) {
        return branches.stream().filter(b -> b.id().equals(id)).findFirst();
    }

    /** The first day after the given one the branch opens, looking a few weeks ahead. */
    public Optional<LocalDate> nextOpenDay(Branch branch, LocalDate after) {
        for (LocalDate day = after.plusDays(1); day.isBefore(after.plusDays(32)); day = day.plusDays(1)) {
            if (scheduleOf(branch, day) instanceof DaySchedule.Open) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }
}
