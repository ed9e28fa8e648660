package ru.librarybot.catalog;

/** Where a copy is in its life: only an AVAILABLE copy can be taken home today. */
public enum CopyState {
    AVAILABLE,
    ON_LOAN,
    RESERVED,
    /** Kept for reading in the library only (reading room, reference). */
    NOT_FOR_LOAN,
    /** Ordered, being catalogued or at the binder's: on its way to the shelf. */
    IN_PROCESSING,
    LOST,
    WRITTEN_OFF;

    /** Whether the copy still belongs to the collection a reader can be told about. */
    public boolean isHeld() {
        return this != LOST && this != WRITTEN_OFF;
    }
}
