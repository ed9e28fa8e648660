package ru.librarybot.catalog;

import java.time.Instant;
import java.util.List;

/**
 * What an import did, record by record where it could not take one. While it runs, the counts grow.
 *
 * @param read records read from the file, good or bad
 * @param imported titles new to the catalog
 * @param updated titles already in the catalog, replaced by the file's version
 * @param skipped records not taken; the first {@link #MAX_LISTED} are listed in {@code skips}
 * @param failure why the whole import stopped (an unreadable upload, a full disk), or {@code null}
 */
public record ImportReport(String id, String fileName, String format, State state, int read, int imported,
                           int updated, int skipped, List<Skip> skips, Instant startedAt, Instant finishedAt,
                           String failure) {

    public static final int MAX_LISTED = 1000;

    public ImportReport {
        skips = List.copyOf(skips);
    }

    public enum State {
        RUNNING, DONE, FAILED
    }

    /**
     * @param record the record's position in the file, from 1
     * @param recordId its id where it could be read
     */
    public record Skip(int record, String recordId, String reason) {
    }

    /** A few lines for a console or a log. */
    public String summary() {
        StringBuilder text = new StringBuilder()
                .append("Catalog import ").append(id).append(" of ").append(fileName).append(" (").append(format)
                .append("): ").append(state).append(", ").append(read).append(" records read, ")
                .append(imported).append(" imported, ").append(updated).append(" updated, ")
                .append(skipped).append(" skipped");
        if (failure != null) {
            text.append("\n  stopped: ").append(failure);
        }
        for (Skip skip : skips) {
            text.append("\n  record ").append(skip.record())
                    .append(skip.recordId() == null ? "" : " (" + skip.recordId() + ")")
                    .append(": ").append(skip.reason());
        }
        if (skipped > skips.size()) {
            text.append("\n  … and ").append(skipped - skips.size()).append(" more skipped");
        }
        return text.toString();
    }
}
