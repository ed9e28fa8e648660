package ru.librarybot.catalog;

import java.time.LocalDate;

/**
 * What one branch can offer of a title right now.
 *
 * @param free copies on the shelf that can be taken home
 * @param readingRoomOnly copies that can be read in the library only
 * @param onLoan copies with readers or reserved for one
 * @param nearestDue the earliest known return date of a copy on loan, or {@code null}
 * @param inProcessing copies on their way to the shelf
 */
public record BranchAvailability(String branchId, int free, int readingRoomOnly, int onLoan, LocalDate nearestDue,
                                 int inProcessing) {

    public boolean hasFree() {
        return free > 0;
    }
}
