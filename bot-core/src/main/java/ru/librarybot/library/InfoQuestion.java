package ru.librarybot.library;

import java.time.LocalDate;
import java.util.List;

/** What a reader asked about the library, read from their words or from a button. */
sealed interface InfoQuestion {

    /** Whether these branches are open right now. */
    record OpenNow(List<Branch> branches) implements InfoQuestion {
    }

    /** The hours on particular dates. */
    record HoursOn(List<LocalDate> days, List<Branch> branches) implements InfoQuestion {
    }

    /** The usual week, compactly. */
    record Weekly(List<Branch> branches) implements InfoQuestion {
    }

    /** The coming holidays and shortened days. */
    record Holidays(List<Branch> branches) implements InfoQuestion {
    }

    record Addresses(List<Branch> branches) implements InfoQuestion {
    }

    record Phones(List<Branch> branches) implements InfoQuestion {
    }

    record Registration() implements InfoQuestion {
    }

    /** @param prices the entries the reader named, or the whole list */
    record Prices(List<Price> prices) implements InfoQuestion {
    }

    record Faq(FaqEntry entry) implements InfoQuestion {
    }

    /** Today's hours and the address of one branch. */
    record BranchCard(Branch branch) implements InfoQuestion {
    }

    /** What the bot can tell; {@code understood} is false when the reader asked something it found no answer to. */
    record Overview(boolean understood) implements InfoQuestion {
    }
}
