package ru.librarybot.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A bibliographic record with the copies the library holds of it.
 *
 * @param id the stable id taken from the source record, so re-importing updates the same title
 * @param statement the statement of responsibility as printed ("Исаак Бабель ; пер. ..."), searched as authors
 * @param ageRating the age mark of Russian law ("6+", "12+"), or {@code null}
 * @param language an ISO 639-2 code ("rus", "eng"), or {@code null}
 * @param source which system and format the record came from ("irbis", "rusmarc", "marc21", "koha", "csv")
 */
public record Title(String id, String title, String otherTitleInfo, String statement, List<String> authors,
                    Integer year, String publisher, List<String> isbns, List<String> subjects, String series,
                    String ageRating, String language, String source, List<Copy> copies) {

    public Title {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        authors = List.copyOf(authors);
        isbns = List.copyOf(isbns);
        subjects = List.copyOf(subjects);
        copies = List.copyOf(copies);
    }

    public Title withCopies(List<Copy> newCopies) {
        return new Title(id, title, otherTitleInfo, statement, authors, year, publisher, isbns, subjects, series,
                ageRating, language, source, newCopies);
    }

    /**
     * Per branch what can be offered: branches with a free copy first, then those with reading-room copies, each
     * group in branch-id order; branches holding only lost or written-off copies are left out.
     */
    public List<BranchAvailability> availability() {
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, java.time.LocalDate> due = new TreeMap<>();
        for (Copy copy : copies) {
            if (!copy.state().isHeld()) {
                continue;
            }
            int[] c = counts.computeIfAbsent(copy.branchId(), b -> new int[4]);
            switch (copy.state()) {
                case AVAILABLE -> c[0]++;
                case NOT_FOR_LOAN -> c[1]++;
                case ON_LOAN, RESERVED -> {
                    c[2]++;
                    if (copy.dueDate() != null) {
                        due.merge(copy.branchId(), copy.dueDate(), (a, b) -> a.isBefore(b) ? a : b);
                    }
                }
                case IN_PROCESSING -> c[3]++;
                case LOST, WRITTEN_OFF -> throw new IllegalStateException("not held");
            }
        }
        List<BranchAvailability> result = new ArrayList<>(counts.size());
        counts.forEach((branch, c) -> result.add(new BranchAvailability(branch, c[0], c[1], c[2], due.get(branch), c[3])));
        result.sort(Comparator.comparing((BranchAvailability b) -> !b.hasFree())
                .thenComparing(b -> b.readingRoomOnly() == 0));
        return result;
    }

    public int freeCopies() {
        int free = 0;
        for (Copy copy : copies) {
            if (copy.state() == CopyState.AVAILABLE) {
                free++;
            }
        }
        return free;
    }

    /** Copies still in the collection, whatever their state. */
    public int heldCopies() {
        int held = 0;
        for (Copy copy : copies) {
            if (copy.state().isHeld()) {
                held++;
            }
        }
        return held;
    }

    /**
     * A short key for the title that fits in a button payload whatever the source id looks like: the first 66 bits
     * of the id's SHA-256, base64url.
     */
    public String key() {
        return keyOf(id);
    }

    public static String keyOf(String id) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 11);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The first author for a short line, or {@code null}. */
    public String firstAuthor() {
        return authors.isEmpty() ? null : authors.getFirst();
    }
}
