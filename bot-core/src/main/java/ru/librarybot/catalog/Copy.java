package ru.librarybot.catalog;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One physical copy of a title.
 *
 * @param branchId the library branch holding it (mapped from the source system's location code)
 * @param location the department or shelf within the branch as the source names it, or {@code null}
 * @param dueDate when a copy ON_LOAN is due back, if the source tells
 */
public record Copy(String branchId, String location, String barcode, String inventoryNumber, CopyState state,
                   LocalDate dueDate) {

    public Copy {
        Objects.requireNonNull(branchId, "branchId");
        Objects.requireNonNull(state, "state");
    }

    public static Copy of(String branchId, CopyState state) {
        return new Copy(branchId, null, null, null, state, null);
    }
}
