package ru.librarybot.circulation.embedded;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import ru.librarybot.circulation.CardCheck;
import ru.librarybot.circulation.CardNumber;
import ru.librarybot.circulation.CardVault;
import ru.librarybot.circulation.CirculationSource;
import ru.librarybot.circulation.Loan;
import ru.librarybot.circulation.Renewal;
import ru.librarybot.circulation.Renewal.Refusal;
import ru.librarybot.library.CirculationRules;

/**
 * Circulation kept by the bot itself, for a library with no SIP2 server: patrons and their loans come from the
 * library's file export, renewals follow the library's rules. Every query goes by {@code _id}: a patron document
 * (keyed by the card's lookup key) holds its loans, and a document per day lists the cards with a loan due then.
 */
public class EmbeddedCirculation implements CirculationSource {

    static final String PATRONS = "embedded_patrons";
    static final String DUE_DAYS = "embedded_due_days";
    private static final int BATCH = 500;
    private static final int SCAN_ABOVE_ONE_IN = 5;

    private final MongoTemplate mongo;
    private final CardVault vault;
    private final CirculationRules rules;
    private final Clock clock;
    private final ZoneId zone;

    public EmbeddedCirculation(MongoTemplate mongo, CardVault vault, CirculationRules rules, Clock clock, ZoneId zone) {
        this.mongo = mongo;
        this.vault = vault;
        this.rules = rules;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public boolean verify(CardNumber card, CardCheck check, String secret) {
        Document patron = patron(card);
        if (patron == null || secret == null) {
            return false;
        }
        return switch (check) {
            case PIN -> CardVault.sameHash(patron.getString("pin"), vault.secretHash(card, "pin", secret.strip()));
            case SURNAME -> CardVault.sameHash(patron.getString("surname"),
                    vault.secretHash(card, "surname", normalizeSurname(secret)));
        };
    }

    @Override
    public List<Loan> loans(CardNumber card) {
        Document patron = patron(card);
        return patron == null ? List.of() : loansOf(patron);
    }

    /** By key in batches, or, for more than one in five patrons, in one pass over all: cheaper for the store. */
    @Override
    public Map<CardNumber, List<Loan>> loans(Collection<CardNumber> cards) {
        Map<String, CardNumber> byKey = new HashMap<>();
        cards.forEach(card -> byKey.put(vault.lookupKey(card), card));
        Map<CardNumber, List<Loan>> loans = new LinkedHashMap<>();
        cards.forEach(card -> loans.put(card, List.of()));
        if ((long) byKey.size() * SCAN_ABOVE_ONE_IN > mongo.estimatedCount(PATRONS)) {
            try (Stream<Document> patrons = mongo.stream(new Query(), Document.class, PATRONS)) {
                patrons.filter(patron -> byKey.containsKey(patron.getString("_id")))
                        .forEach(patron -> loans.put(byKey.get(patron.getString("_id")), loansOf(patron)));
            }
            return loans;
        }
        List<String> keys = List.copyOf(byKey.keySet());
        for (int from = 0; from < keys.size(); from += BATCH) {
            Query batch = Query.query(Criteria.where("_id").in(keys.subList(from, Math.min(keys.size(), from + BATCH))));
            for (Document patron : mongo.find(batch, Document.class, PATRONS)) {
                loans.put(byKey.get(patron.getString("_id")), loansOf(patron));
            }
        }
        return loans;
    }

    @Override
    public Renewal renew(CardNumber card, Loan loan) {
        Document patron = patron(card);
        Loan current = patron == null ? null : loansOf(patron).stream()
                .filter(candidate -> candidate.item().equals(loan.item())).findFirst().orElse(null);
        if (current == null) {
            return new Renewal.Refused(loan, Refusal.NOT_ON_LOAN, null);
        }
        return renew(vault.lookupKey(card), current);
    }

    @Override
    public List<Renewal> renewAll(CardNumber card) {
        String key = vault.lookupKey(card);
        return loans(card).stream().map(loan -> renew(key, loan)).toList();
    }

    @Override
    public Optional<Set<String>> cardsDue(Set<LocalDate> days, LocalDate overdueBefore) {
        Set<String> cards = new HashSet<>();
        List<String> ids = days.stream().map(LocalDate::toString).toList();
        collectCards(Query.query(Criteria.where("_id").in(ids)), cards);
        if (overdueBefore != null) {
            // a scan, but of one small document per day
            collectCards(Query.query(Criteria.where("_id").lt(overdueBefore.toString())), cards);
        }
        return Optional.of(cards);
    }

    /** Whether the embedded circulation holds no patrons yet (a fresh store). */
    public boolean isEmpty() {
        return mongo.findOne(new Query().limit(1), Document.class, PATRONS) == null;
    }

    static String normalizeSurname(String surname) {
        return surname.strip().toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("[^\\p{L}\\-]", "");
    }

    private Renewal renew(String cardKey, Loan loan) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Refusal refusal = refusal(loan, today);
        if (refusal != null) {
            return new Renewal.Refused(loan, refusal, null);
        }
        LocalDate newDue = (loan.due().isAfter(today) ? loan.due() : today).plus(rules.loanPeriod());
        // an _id-only query with an array filter: the store finds the patron by key, never by a scan; values are
        // set, not incremented, so two taps at once renew once
        Update renewal = new Update().set("loans.$[loan].due", newDue.toString())
                .set("loans.$[loan].renewals", loan.renewals() + 1)
                .filterArray(Criteria.where("loan.item").is(loan.item()));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(cardKey)), renewal, PATRONS);
        Document patron = mongo.findById(cardKey, Document.class, PATRONS);
        List<Loan> loans = patron == null ? List.of() : loansOf(patron);
        Loan renewed = loans.stream().filter(l -> l.item().equals(loan.item())).findFirst().orElse(null);
        if (renewed == null) {
            // returned in the meantime: the reader is told what is true now
            return new Renewal.Refused(loan, Refusal.NOT_ON_LOAN, null);
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(renewed.due().toString())),
                new Update().addToSet("cards", cardKey), DUE_DAYS);
        if (loans.stream().noneMatch(l -> loan.due().equals(l.due()))) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(loan.due().toString())),
                    new Update().pull("cards", cardKey), DUE_DAYS);
        }
        return new Renewal.Renewed(renewed, renewed.due());
    }

    private Refusal refusal(Loan loan, LocalDate today) {
        if (!rules.renewReserved() && loan.reservedByOther()) {
            return Refusal.RESERVED;
        }
        if (loan.renewals() >= rules.maxRenewals()) {
            return Refusal.RENEWALS_EXHAUSTED;
        }
        if (loan.due() != null && ChronoUnit.DAYS.between(loan.due(), today) > rules.maxOverdueDays()) {
            return Refusal.OVERDUE_TOO_LONG;
        }
        return null;
    }

    private Document patron(CardNumber card) {
        return mongo.findById(vault.lookupKey(card), Document.class, PATRONS);
    }

    private void collectCards(Query query, Set<String> cards) {
        query.fields().include("cards");
        for (Document day : mongo.find(query, Document.class, DUE_DAYS)) {
            cards.addAll(day.getList("cards", String.class, List.of()));
        }
    }

    static List<Loan> loansOf(Document patron) {
        List<Loan> loans = new ArrayList<>();
        for (Document loan : patron.getList("loans", Document.class, List.of())) {
            loans.add(new Loan(loan.getString("item"), loan.getString("title"), loan.getString("author"),
                    loan.getString("branch"), date(loan.getString("issued")), date(loan.getString("due")),
                    loan.getInteger("renewals", 0), loan.getBoolean("reserved", false)));
        }
        loans.sort(Loan.MOST_URGENT_FIRST);
        return loans;
    }

    static Document toDocument(Loan loan) {
        return new Document("item", loan.item()).append("title", loan.title()).append("author", loan.author())
                .append("branch", loan.branch()).append("issued", loan.issued() == null ? null : loan.issued().toString())
                .append("due", loan.due().toString()).append("renewals", loan.renewals())
                .append("reserved", loan.reservedByOther());
    }

    private static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }
}
