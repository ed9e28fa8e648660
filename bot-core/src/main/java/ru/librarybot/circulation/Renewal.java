package ru.librarybot.circulation;

import java.time.LocalDate;

/** What came of asking to renew one loan. */
public sealed interface Renewal {

    Loan loan();

    record Renewed(Loan loan, LocalDate due) implements Renewal {
    }

    /**
     * @param libraryMessage what the circulation system said, when it said something; may be {@code null}
     */
    record Refused(Loan loan, Refusal reason, String libraryMessage) implements Renewal {
    }

    /** Why a renewal was refused, in terms a reader is told. */
    enum Refusal {
        RESERVED, RENEWALS_EXHAUSTED, OVERDUE_TOO_LONG, NOT_ON_LOAN, READER_BLOCKED, OTHER
    }
}
