package ru.librarybot.circulation.embedded;

import java.time.Period;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The library's renewal rules for the embedded circulation.
 *
 * @param period how much a renewal adds, counted from the due date or from today if that is later
 * @param maxRenewals how many times one loan may be renewed
 * @param refuseReserved whether a copy another reader reserved cannot be renewed
 * @param maxOverdueDays a loan overdue by more days than this is renewed only at the desk
 */
public record RenewalRules(@DefaultValue("14d") Period period, @DefaultValue("2") int maxRenewals,
                           @DefaultValue("true") boolean refuseReserved, @DefaultValue("10") int maxOverdueDays) {

    public RenewalRules {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("librarybot.circulation.renewal.period must be positive, e.g. 14d");
        }
        if (maxRenewals < 0 || maxOverdueDays < 0) {
            throw new IllegalArgumentException(
                    "librarybot.circulation.renewal.max-renewals and max-overdue-days cannot be negative");
        }
    }
}
