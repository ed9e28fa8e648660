package ru.librarybot.catalog;

/**
 * A title a reader asked to be told about has a copy on the shelf again. Published once per waiting reader; telling
 * the reader in their messenger is the outbound delivery's job.
 *
 * @param readerKey the reader's pseudonymous key, which names their channel
 * @param branchId a branch where a copy is free now
 */
public record TitleAvailableAgain(String readerKey, String titleId, String title, String branchId) {
}
