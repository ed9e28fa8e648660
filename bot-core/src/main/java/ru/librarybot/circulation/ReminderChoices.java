package ru.librarybot.circulation;

/**
 * Which due-date reminders a reader wants.
 *
 * @param beforeDue a few days before a book is due
 * @param dueDay on the day it is due
 * @param overdue a weekly digest of overdue books
 */
public record ReminderChoices(boolean beforeDue, boolean dueDay, boolean overdue) {

    public static final ReminderChoices ALL = new ReminderChoices(true, true, true);

    public boolean any() {
        return beforeDue || dueDay || overdue;
    }

    ReminderChoices toggled(String kind) {
        return switch (kind) {
            case "before" -> new ReminderChoices(!beforeDue, dueDay, overdue);
            case "due" -> new ReminderChoices(beforeDue, !dueDay, overdue);
            case "overdue" -> new ReminderChoices(beforeDue, dueDay, !overdue);
            default -> throw new IllegalArgumentException("No reminder kind " + kind);
        };
    }
}
