package ru.librarybot.circulation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;

/** Finds linked readers with loans falling due, for reminders. */
@Service
public class DueLoans {

    /** Readers asked of SIP2 at a time; the embedded circulation takes them all at once, to choose its query. */
    private static final int SIP2_BATCH = 500;

    private final CirculationSource source;
    private final Readers readers;

    DueLoans(CirculationSource source, Readers readers) {
        this.source = source;
        this.readers = readers;
    }

    /**
     * A linked reader and all their loans.
     *
     * @param maskedCard the card as the reader is shown it, e.g. "•••• 0001"
     */
    public record ReaderLoans(Reader reader, String maskedCard, List<Loan> loans) {
    }

    /**
     * Calls {@code action} for every linked reader with a loan due on one of {@code days} or, when
     * {@code overdueBefore} is given, due before it, and for every reader who linked their card after
     * {@code linkedSince}, with all their loans; readers are fetched in batches.
     *
     * @return how many readers were passed to the action
     */
    public int forEach(Set<LocalDate> days, LocalDate overdueBefore, Instant linkedSince,
                       Consumer<ReaderLoans> action) {
        Optional<Set<String>> due = source.cardsDue(days, overdueBefore);
        int batchSize = due.isPresent() ? Integer.MAX_VALUE : SIP2_BATCH;
        try (Stream<Reader> candidates = due.map(keys -> withNewlyLinked(readers.byCardKeys(keys), linkedSince))
                .orElseGet(readers::all)) {
            int passed = 0;
            Iterator<Reader> iterator = candidates.iterator();
            while (iterator.hasNext()) {
                Map<CardNumber, Reader> batch = new LinkedHashMap<>();
                while (iterator.hasNext() && batch.size() < batchSize) {
                    Reader reader = iterator.next();
                    batch.put(readers.card(reader), reader);
                }
                Map<CardNumber, List<Loan>> loans = source.loans(new ArrayList<>(batch.keySet()));
                for (Map.Entry<CardNumber, Reader> entry : batch.entrySet()) {
                    action.accept(new ReaderLoans(entry.getValue(), entry.getKey().masked(),
                            loans.getOrDefault(entry.getKey(), List.of())));
                    passed++;
                }
            }
            return passed;
        }
    }

    private Stream<Reader> withNewlyLinked(List<Reader> due, Instant linkedSince) {
        Map<String, Reader> byId = new LinkedHashMap<>();
        due.forEach(reader -> byId.put(reader.id(), reader));
        readers.linkedSince(linkedSince).forEach(reader -> byId.putIfAbsent(reader.id(), reader));
        return byId.values().stream();
    }
}
