package ru.librarybot.circulation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A copy a reader has on loan.
 *
 * @param item the copy's barcode (inventory number) in the circulation system
 * @param author, branch, issued may be unknown ({@code null}): SIP2 does not tell them
 * @param renewals how many times it was renewed; -1 when the source does not tell
 * @param reservedByOther another reader is waiting for this copy
 */
public record Loan(String item, String title, String author, String branch, LocalDate issued, LocalDate due,
                   int renewals, boolean reservedByOther) {

    /** Overdue first, then by due date: what needs the reader's attention comes first. */
    public static final Comparator<Loan> MOST_URGENT_FIRST = Comparator.comparing(Loan::due,
            Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Loan::title);

    public Loan {
        Objects.requireNonNull(item, "item");
        title = title == null || title.isBlank() ? item : title.strip();
    }

    /** Eight hex characters naming this copy in a button payload, which must stay within 64 bytes. */
    public String shortId() {
        return shortId(item);
    }

    public static String shortId(String item) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(item.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public boolean overdueOn(LocalDate day) {
        return due != null && due.isBefore(day);
    }

    public Loan renewedUntil(LocalDate newDue) {
        return new Loan(item, title, author, branch, issued, newDue, renewals < 0 ? renewals : renewals + 1,
                reservedByOther);
    }
}
