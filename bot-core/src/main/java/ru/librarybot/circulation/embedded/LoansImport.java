package ru.librarybot.circulation.embedded;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import ru.librarybot.circulation.CardNumber;
import ru.librarybot.circulation.CardVault;
import ru.librarybot.circulation.Loan;

/**
 * Loads the library's export of patrons and loans into the embedded circulation. A file with any bad line is
 * refused whole, and the loans already loaded stay: a half-read export would tell readers they have no books.
 *
 * <p>Columns, by header name in any order: {@code card} (required), {@code surname}, {@code pin} (in clear; only a
 * keyed hash is kept), {@code item} (barcode), {@code title}, {@code author}, {@code branch}, {@code issued},
 * {@code due}, {@code renewals}, {@code reserved}. A row per loan; a patron with no loans has one row with no
 * item. Dates as 2026-11-24 or 24.11.2026; {@code reserved} as да/нет, yes/no, 1/0.
 */
public class LoansImport {

    private static final Logger log = LoggerFactory.getLogger(LoansImport.class);
    static final long MAX_BYTES = 256L * 1024 * 1024;
    private static final int MAX_PROBLEMS = 20;
    private static final int MAX_FIELD = 500;
    private static final int BATCH = 1_000;
    private static final DateTimeFormatter RUSSIAN_DATE = DateTimeFormatter.ofPattern("d.M.uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    private static final Set<String> COLUMNS = Set.of("card", "surname", "pin", "item", "title", "author", "branch",
            "issued", "due", "renewals", "reserved");

    private final MongoTemplate mongo;
    private final CardVault vault;

    public LoansImport(MongoTemplate mongo, CardVault vault) {
        this.mongo = mongo;
        this.vault = vault;
    }

    /** A patron as the export lists them; the card, PIN and surname are in clear here and only here. */
    public record Patron(CardNumber card, String surname, String pin, List<Loan> loans) {
        @Override
        public String toString() {
            return "Patron[" + card + ", " + loans.size() + " loans]";
        }
    }

    /**
     * @param problems what is wrong with the file, by line; the import was not applied when there are any
     */
    public record Report(boolean applied, int patrons, int loans, List<String> problems) {
        static Report refused(List<String> problems) {
            return new Report(false, 0, 0, List.copyOf(problems));
        }
    }

    public Report importFile(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                return Report.refused(List.of("the file is larger than " + MAX_BYTES / 1024 / 1024 + " MB"));
            }
            return importText(decode(Files.readAllBytes(file)));
        } catch (IOException e) {
            return Report.refused(List.of("the file cannot be read: " + e.getClass().getSimpleName()));
        }
    }

    public Report importText(String text) {
        List<String> problems = new ArrayList<>();
        List<Patron> patrons = parse(text, problems);
        if (!problems.isEmpty()) {
            return Report.refused(problems);
        }
        replaceAll(patrons);
        int loans = patrons.stream().mapToInt(p -> p.loans().size()).sum();
        log.info("Embedded circulation loaded: {} patrons, {} loans", patrons.size(), loans);
        return new Report(true, patrons.size(), loans, List.of());
    }

    /** Makes these patrons the whole embedded circulation, dropping any not among them. */
    public void replaceAll(List<Patron> patrons) {
        MongoCollection<Document> collection = mongo.getCollection(EmbeddedCirculation.PATRONS);
        Set<String> keys = new HashSet<>();
        Map<String, Set<String>> dueDays = new HashMap<>();
        List<ReplaceOneModel<Document>> batch = new ArrayList<>(BATCH);
        ReplaceOptions upsert = new ReplaceOptions().upsert(true);
        for (Patron patron : patrons) {
            String key = vault.lookupKey(patron.card());
            keys.add(key);
            Document document = new Document("_id", key)
                    .append("surname", patron.surname() == null ? null
                            : vault.secretHash(patron.card(), "surname",
                            EmbeddedCirculation.normalizeSurname(patron.surname())))
                    .append("pin", patron.pin() == null ? null : vault.secretHash(patron.card(), "pin", patron.pin()))
                    .append("loans", patron.loans().stream().map(EmbeddedCirculation::toDocument).toList());
            patron.loans().forEach(loan -> dueDays.computeIfAbsent(loan.due().toString(), d -> new HashSet<>()).add(key));
            batch.add(new ReplaceOneModel<>(Filters.eq("_id", key), document, upsert));
            if (batch.size() == BATCH) {
                collection.bulkWrite(batch, new BulkWriteOptions().ordered(false));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            collection.bulkWrite(batch, new BulkWriteOptions().ordered(false));
        }
        removeAllBut(EmbeddedCirculation.PATRONS, keys);
        MongoCollection<Document> days = mongo.getCollection(EmbeddedCirculation.DUE_DAYS);
        for (Map.Entry<String, Set<String>> day : dueDays.entrySet()) {
            days.replaceOne(Filters.eq("_id", day.getKey()),
                    new Document("_id", day.getKey()).append("cards", List.copyOf(day.getValue())), upsert);
        }
        removeAllBut(EmbeddedCirculation.DUE_DAYS, dueDays.keySet());
    }

    private void removeAllBut(String collection, Set<String> kept) {
        Query all = new Query();
        all.fields().include("_id");
        List<Object> gone = new ArrayList<>();
        for (Document document : mongo.find(all, Document.class, collection)) {
            if (!kept.contains(document.getString("_id"))) {
                gone.add(document.get("_id"));
            }
        }
        for (int from = 0; from < gone.size(); from += BATCH) {
            mongo.remove(Query.query(Criteria.where("_id").in(gone.subList(from, Math.min(gone.size(), from + BATCH)))),
                    collection);
        }
    }

    static String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            // not UTF-8: Russian Excel saves CSV in windows-1251
            return new String(bytes, Charset.forName("windows-1251"));
        }
    }

    private List<Patron> parse(String text, List<String> problems) {
        List<CsvRecords.Row> rows = CsvRecords.parse(text);
        if (rows.isEmpty()) {
            problems.add("the file is empty");
            return List.of();
        }
        Map<String, Integer> columns = header(rows.getFirst(), problems);
        if (!problems.isEmpty()) {
            return List.of();
        }
        Map<CardNumber, PatronRows> patrons = new LinkedHashMap<>();
        for (CsvRecords.Row row : rows.subList(1, rows.size())) {
            if (problems.size() >= MAX_PROBLEMS) {
                problems.add("… and maybe more: fix these first");
                break;
            }
            new RowReader(row, columns, problems).read(patrons);
        }
        return patrons.entrySet().stream().map(e -> e.getValue().toPatron(e.getKey())).toList();
    }

    private static Map<String, Integer> header(CsvRecords.Row header, List<String> problems) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).strip().toLowerCase(Locale.ROOT);
            if (COLUMNS.contains(name)) {
                columns.put(name, i);
            } else if (!name.isEmpty()) {
                problems.add("line 1: unknown column «" + abbreviate(name) + "»; known are " + COLUMNS);
            }
        }
        if (!columns.containsKey("card")) {
            problems.add("line 1: the header has no «card» column");
        }
        if (columns.containsKey("item") && !columns.containsKey("due")) {
            problems.add("line 1: loans («item») need a «due» column");
        }
        return columns;
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    /** One patron's rows collected so far. */
    private static final class PatronRows {
        String surname;
        String pin;
        final List<Loan> loans = new ArrayList<>();

        Patron toPatron(CardNumber card) {
            return new Patron(card, surname, pin, List.copyOf(loans));
        }
    }

    /** Reads one row, adding a problem per bad field; never quotes a card number or PIN back. */
    private static final class RowReader {
        private final CsvRecords.Row row;
        private final Map<String, Integer> columns;
        private final List<String> problems;
        private boolean bad;

        RowReader(CsvRecords.Row row, Map<String, Integer> columns, List<String> problems) {
            this.row = row;
            this.columns = columns;
            this.problems = problems;
        }

        void read(Map<CardNumber, PatronRows> patrons) {
            CardNumber card = CardNumber.parse(field("card")).orElse(null);
            if (card == null) {
                problem("the card number is missing or is not 4–20 digits and Latin letters");
                return;
            }
            String surname = field("surname");
            String pin = field("pin");
            Loan loan = field("item").isEmpty() ? null : loan();
            if (bad) {
                return;
            }
            PatronRows patron = patrons.computeIfAbsent(card, c -> new PatronRows());
            if (patron.surname == null && !surname.isEmpty()) {
                patron.surname = surname;
            }
            if (patron.pin == null && !pin.isEmpty()) {
                patron.pin = pin;
            }
            if (loan != null) {
                patron.loans.add(loan);
            }
        }

        private Loan loan() {
            String item = field("item");
            String title = field("title");
            LocalDate due = date("due", true);
            LocalDate issued = date("issued", false);
            int renewals = renewals();
            boolean reserved = reserved();
            if (title.isEmpty()) {
                problem("the loan of item «" + abbreviate(item) + "» has no title");
            }
            return bad ? null : new Loan(item, title, emptyToNull(field("author")), emptyToNull(field("branch")),
                    issued, due, renewals, reserved);
        }

        private LocalDate date(String column, boolean required) {
            String value = field(column);
            if (value.isEmpty()) {
                if (required) {
                    problem("«" + column + "» is empty");
                }
                return null;
            }
            try {
                return value.contains(".") ? LocalDate.parse(value, RUSSIAN_DATE) : LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                problem("«" + column + "» «" + abbreviate(value) + "» is not a date like 2026-11-24 or 24.11.2026");
                return null;
            }
        }

        private int renewals() {
            String value = field("renewals");
            try {
                int renewals = value.isEmpty() ? 0 : Integer.parseInt(value);
                if (renewals >= 0) {
                    return renewals;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problem("«renewals» «" + abbreviate(value) + "» is not a whole number of 0 or more");
            return 0;
        }

        private boolean reserved() {
            String value = field("reserved").toLowerCase(Locale.ROOT);
            return switch (value) {
                case "", "0", "no", "нет", "false", "n", "н" -> false;
                case "1", "yes", "да", "true", "y", "д" -> true;
                default -> {
                    problem("«reserved» «" + abbreviate(value) + "» is not да/нет");
                    yield false;
                }
            };
        }

        private String field(String column) {
            Integer index = columns.get(column);
            if (index == null || index >= row.fields().size()) {
                return "";
            }
            String value = row.fields().get(index).strip();
            if (value.length() > MAX_FIELD) {
                problem("«" + column + "» is longer than " + MAX_FIELD + " characters");
                return value.substring(0, MAX_FIELD);
            }
            return value;
        }

        private void problem(String what) {
            if (!bad || problems.size() < MAX_PROBLEMS) {
                problems.add("line " + row.line() + ": " + what);
            }
            bad = true;
        }

        private static String emptyToNull(String value) {
            return value.isEmpty() ? null : value;
        }
    }
}
