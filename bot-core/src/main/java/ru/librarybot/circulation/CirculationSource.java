package ru.librarybot.circulation;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where cards and loans live: the library's own system over SIP2, or the bot's embedded circulation for
 * libraries with none. Every method may throw {@link CirculationUnavailable}.
 */
public interface CirculationSource {

    /** Whether the secret (PIN or surname, as the library checks) belongs to this card. */
    boolean verify(CardNumber card, CardCheck check, String secret);

    List<Loan> loans(CardNumber card);

    /** Loans of many cards; a source that can fetch them together does so. */
    default Map<CardNumber, List<Loan>> loans(Collection<CardNumber> cards) {
        Map<CardNumber, List<Loan>> loans = new LinkedHashMap<>();
        cards.forEach(card -> loans.put(card, loans(card)));
        return loans;
    }

    Renewal renew(CardNumber card, Loan loan);

    List<Renewal> renewAll(CardNumber card);

    /**
     * Lookup keys ({@link CardVault#lookupKey}) of cards with a loan due on one of {@code days} or, when
     * {@code overdueBefore} is given, due before it. Empty when the source cannot list loans by due date
     * (SIP2 tells loans only patron by patron): every linked reader is then asked.
     */
    Optional<Set<String>> cardsDue(Set<LocalDate> days, LocalDate overdueBefore);
}
