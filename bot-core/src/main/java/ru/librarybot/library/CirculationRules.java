package ru.librarybot.library;

import java.time.Period;

/**
 * How the library renews loans, for the bot's own circulation (a library on SIP2 has its system apply its rules).
 *
 * @param loanPeriod what a renewal adds, counted from the due date, or from today for an overdue book
 * @param maxRenewals how many times one loan may be renewed
 * @param renewReserved whether a copy another reader reserved may still be renewed
 * @param maxOverdueDays a book overdue by more days than this is renewed only at the desk
 */
public record CirculationRules(Period loanPeriod, Integer maxRenewals, Boolean renewReserved, Integer maxOverdueDays) {

    public static final CirculationRules DEFAULT = new CirculationRules(null, null, null, null);

    public CirculationRules {
        loanPeriod = loanPeriod == null ? Period.ofDays(14) : loanPeriod;
        maxRenewals = maxRenewals == null ? 2 : maxRenewals;
        renewReserved = renewReserved != null && renewReserved;
        maxOverdueDays = maxOverdueDays == null ? 10 : maxOverdueDays;
        if (loanPeriod.isNegative() || loanPeriod.isZero()) {
            throw new IllegalArgumentException("circulation.loan-period must be positive, e.g. 14d");
        }
        if (maxRenewals < 0) {
            throw new IllegalArgumentException("circulation.max-renewals cannot be negative");
        }
        if (maxOverdueDays < 0) {
            throw new IllegalArgumentException("circulation.max-overdue-days cannot be negative");
        }
    }
}
