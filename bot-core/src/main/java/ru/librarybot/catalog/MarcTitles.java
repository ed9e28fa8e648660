package ru.librarybot.catalog;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;
import org.marc4j.marc.VariableField;

/**
 * Reads a title and its copies out of a MARC21 or RUSMARC record, including IRBIS's layout (copies in {@code 910},
 * the parent of a volume in {@code 461$c}) and Koha's items in {@code 952}.
 */
final class MarcTitles {

    /** A record this catalog cannot take, with the reason a librarian can act on. */
    static final class Rejected extends Exception {
        Rejected(String reason) {
            super(reason, null, false, false);
        }
    }

    /** IRBIS group copies carry their count in one field; a typo there must not make thousands of copies. */
    private static final int MAX_GROUP_COPIES = 500;
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(1[5-9]\\d\\d|20\\d\\d)(?!\\d)");
    private static final Pattern AGE = Pattern.compile("(?<!\\d)(0|6|12|16|18)\\s?\\+");
    private static final Pattern ISBN = Pattern.compile("[0-9Xx][0-9Xx -]{8,16}[0-9Xx]");
    private static final Pattern IRBIS_SEARCH_FORM = Pattern.compile("<([^<>=]*)=[^<>]*>");
    private static final Pattern IRBIS_NON_SORTING = Pattern.compile("<([^<>]*)>");

    private final BranchMapping branches;

    MarcTitles(BranchMapping branches) {
        this.branches = branches;
    }

    Title toTitle(Record marc) throws Rejected {
        if (!marc.getVariableFields("245").isEmpty()) {
            return marc21(marc);
        }
        if (!marc.getVariableFields("200").isEmpty() || !marc.getVariableFields("461").isEmpty()) {
            return rusmarc(marc);
        }
        throw new Rejected("no title: the record has neither a MARC21 title (245) nor a RUSMARC title (200), "
                + "as IRBIS journal issues and holdings-only records do not");
    }

    /** The record's own stable id: Koha's biblionumber ({@code 999$c}) or the control number ({@code 001}). */
    static String idOf(Record marc) {
        // Koha always exports its biblionumber and biblioitemnumber in 999; its 001 may be another library's number
        String biblionumber = first(marc, "999", 'c');
        if (biblionumber != null && first(marc, "999", 'd') != null) {
            return "koha:" + biblionumber.strip();
        }
        ControlField control = (ControlField) marc.getVariableField("001");
        if (control != null && control.getData() != null && !control.getData().isBlank()) {
            return control.getData().strip();
        }
        return null;
    }

    private Title rusmarc(Record marc) throws Rejected {
        String id = requireId(marc);
        boolean irbis = !marc.getVariableFields("910").isEmpty() || !marc.getVariableFields("920").isEmpty();
        DataField f200 = (DataField) marc.getVariableField("200");
        List<String> names = f200 == null ? List.of() : values(f200, 'a');
        String volume = f200 == null ? null : clean(value(f200, 'v'));
        String parent = clean(coalesce(first(marc, "461", 'c'), first(marc, "461", 'a')));
        if (volume == null) {
            volume = clean(first(marc, "461", 'v'));
        }
        StringBuilder title = new StringBuilder();
        if (parent != null) {
            title.append(parent);
            if (volume != null) {
                title.append(". ").append(volume);
            }
        }
        for (String name : names) {
            String n = clean(name);
            if (n != null && (volume == null || !ReaderQuery.normalized(n).equals(ReaderQuery.normalized(volume)))) {
                title.append(title.isEmpty() ? "" : ". ").append(n);
            }
        }
        if (f200 != null) {
            for (String part : values(f200, 'i')) {
                String p = clean(part);
                if (p != null) {
                    title.append(title.isEmpty() ? "" : ". ").append(p);
                }
            }
        }
        if (title.isEmpty()) {
            throw new Rejected("no title: RUSMARC 200$a is empty" + (irbis ? " (an IRBIS journal issue?)" : ""));
        }
        String other = f200 == null ? null : joined(values(f200, 'e'), "; ");
        String statement = f200 == null ? null : joined(concat(values(f200, 'f'), values(f200, 'g')), "; ");

        List<String> authors = new ArrayList<>();
        for (String tag : List.of("700", "701", "961")) {
            for (VariableField field : marc.getVariableFields(tag)) {
                addName(authors, (DataField) field);
            }
        }
        if (authors.isEmpty()) {
            String parentAuthor = clean(first(marc, "461", 'x'));
            if (parentAuthor != null) {
                authors.add(parentAuthor);
            }
        }
        Integer year = year(first(marc, "210", 'd'));
        if (year == null) {
            year = year(first(marc, "461", 'h'));
        }
        if (year == null) {
            String coded = first(marc, "100", 'a');
            year = coded != null && coded.length() >= 13 ? year(coded.substring(9, 13)) : null;
        }
        List<String> isbns = isbns(marc, "010");
        Set<String> subjects = new LinkedHashSet<>();
        for (String tag : List.of("606", "607", "610")) {
            for (VariableField field : marc.getVariableFields(tag)) {
                addIfPresent(subjects, clean(((DataField) field).getSubfieldsAsString("a")));
            }
        }
        List<Copy> copies = irbis ? irbisCopies(marc) : rusmarcCopies(marc);
        if (copies.isEmpty()) {
            copies = marc21Copies(marc);
        }
        return new Title(id, title.toString(), other, statement, authors, year, clean(first(marc, "210", 'c')),
                isbns, List.copyOf(subjects), clean(first(marc, "225", 'a')), ageRating(marc, "333"),
                language(first(marc, "101", 'a')), irbis ? "irbis" : "rusmarc", copies);
    }

    private Title marc21(Record marc) throws Rejected {
        String id = requireId(marc);
        DataField f245 = (DataField) marc.getVariableField("245");
        StringBuilder title = new StringBuilder(nonNull(cleanIsbd(value(f245, 'a'))));
        for (Subfield part : f245.getSubfields()) {
            if (part.getCode() == 'n' || part.getCode() == 'p') {
                String p = cleanIsbd(part.getData());
                if (p != null) {
                    title.append(title.isEmpty() ? "" : ". ").append(p);
                }
            }
        }
        if (title.isEmpty()) {
            throw new Rejected("no title: MARC21 245$a is empty");
        }
        List<String> authors = new ArrayList<>();
        for (String tag : List.of("100", "700")) {
            for (VariableField field : marc.getVariableFields(tag)) {
                addIfPresent(authors, cleanIsbd(((DataField) field).getSubfieldsAsString("a")));
            }
        }
        Integer year = year(coalesce(first(marc, "264", 'c'), first(marc, "260", 'c')));
        ControlField fixed = (ControlField) marc.getVariableField("008");
        String fixedData = fixed == null ? "" : nonNull(fixed.getData());
        if (year == null && fixedData.length() >= 11) {
            year = year(fixedData.substring(7, 11));
        }
        String language = first(marc, "041", 'a');
        if (language == null && fixedData.length() >= 38) {
            language = fixedData.substring(35, 38);
        }
        Set<String> subjects = new LinkedHashSet<>();
        for (String tag : List.of("650", "651")) {
            for (VariableField field : marc.getVariableFields(tag)) {
                addIfPresent(subjects, cleanIsbd(((DataField) field).getSubfieldsAsString("a")));
            }
        }
        String series = cleanIsbd(coalesce(first(marc, "490", 'a'), first(marc, "440", 'a'), first(marc, "830", 'a')));
        List<Copy> copies = kohaCopies(marc);
        if (copies.isEmpty()) {
            copies = marc21Copies(marc);
        }
        boolean koha = !marc.getVariableFields("952").isEmpty();
        return new Title(id, title.toString(), cleanIsbd(value(f245, 'b')), cleanIsbd(value(f245, 'c')), authors, year,
                cleanIsbd(coalesce(first(marc, "264", 'b'), first(marc, "260", 'b'))), isbns(marc, "020"),
                List.copyOf(subjects), series, ageRating(marc, "521"), language(language), koha ? "koha" : "marc21",
                copies);
    }

    private static String requireId(Record marc) throws Rejected {
        String id = idOf(marc);
        if (id == null) {
            throw new Rejected("no record id: the record has no control number (001)");
        }
        return id;
    }

    /** IRBIS {@code 910}: $a state, $b inventory number, $h barcode, $d location; letter states are group copies. */
    private List<Copy> irbisCopies(Record marc) {
        List<Copy> copies = new ArrayList<>();
        for (VariableField field : marc.getVariableFields("910")) {
            DataField f = (DataField) field;
            String code = nonNull(value(f, 'a')).strip();
            String location = clean(value(f, 'd'));
            String branch = branches.branchOf(location);
            String inventory = clean(value(f, 'b'));
            String barcode = clean(value(f, 'h'));
            if (!code.isEmpty() && Character.isLetter(code.charAt(0))) {
                int count = Math.clamp(parseInt(value(f, '1'), 1), 1, MAX_GROUP_COPIES);
                for (int i = 0; i < count; i++) {
                    copies.add(new Copy(branch, location, null, inventory, CopyState.AVAILABLE, null));
                }
                continue;
            }
            CopyState state = switch (code) {
                case "0" -> CopyState.AVAILABLE;
                case "1" -> CopyState.ON_LOAN;
                case "2", "3" -> CopyState.IN_PROCESSING;
                case "4" -> CopyState.LOST;
                case "6" -> CopyState.WRITTEN_OFF;
                case "9" -> CopyState.RESERVED;
                // "5" is temporarily unavailable; codes IRBIS leaves to each library must not promise a free copy
                default -> CopyState.NOT_FOR_LOAN;
            };
            copies.add(new Copy(branch, location, barcode, inventory, state, null));
        }
        return copies;
    }

    /** Koha {@code 952}: $a home and $b holding library, $p barcode, $q due date, $7 not for loan, $1 lost, $0 withdrawn. */
    private List<Copy> kohaCopies(Record marc) {
        List<Copy> copies = new ArrayList<>();
        for (VariableField field : marc.getVariableFields("952")) {
            DataField f = (DataField) field;
            String library = coalesce(clean(value(f, 'b')), clean(value(f, 'a')));
            LocalDate due = date(value(f, 'q'));
            int notForLoan = parseInt(value(f, '7'), 0);
            CopyState state;
            if (parseInt(value(f, '0'), 0) != 0) {
                state = CopyState.WRITTEN_OFF;
            } else if (parseInt(value(f, '1'), 0) != 0) {
                state = CopyState.LOST;
            } else if (notForLoan < 0) {
                state = CopyState.IN_PROCESSING; // Koha's negative not-for-loan values mean "on order"
            } else if (notForLoan > 0) {
                state = CopyState.NOT_FOR_LOAN;
            } else if (due != null || value(f, 'q') != null) {
                state = CopyState.ON_LOAN;
            } else {
                state = CopyState.AVAILABLE;
            }
            copies.add(new Copy(branches.branchOf(library), clean(value(f, 'c')), clean(value(f, 'p')),
                    clean(value(f, 'i')), state, due));
        }
        return copies;
    }

    /** RUSMARC {@code 899}: $a holding library, $b department, $p inventory number; it says nothing of loans. */
    private List<Copy> rusmarcCopies(Record marc) {
        List<Copy> copies = new ArrayList<>();
        for (VariableField field : marc.getVariableFields("899")) {
            DataField f = (DataField) field;
            copies.add(new Copy(branches.branchOf(clean(value(f, 'a'))), clean(value(f, 'b')), clean(value(f, 'x')),
                    clean(value(f, 'p')), CopyState.AVAILABLE, null));
        }
        return copies;
    }

    /** MARC21 {@code 852}: $a institution, $b sublocation, $p barcode; it says nothing of loans. */
    private List<Copy> marc21Copies(Record marc) {
        List<Copy> copies = new ArrayList<>();
        for (VariableField field : marc.getVariableFields("852")) {
            DataField f = (DataField) field;
            String library = coalesce(clean(value(f, 'a')), clean(value(f, 'b')));
            copies.add(new Copy(branches.branchOf(library), coalesce(clean(value(f, 'c')), clean(value(f, 'b'))),
                    clean(value(f, 'p')), null, CopyState.AVAILABLE, null));
        }
        return copies;
    }

    private static void addName(List<String> authors, DataField f) {
        String surname = clean(value(f, 'a'));
        if (surname == null) {
            return;
        }
        String forenames = coalesce(clean(value(f, 'g')), clean(value(f, 'b')));
        addIfPresent(authors, forenames == null ? surname : surname + " " + forenames);
    }

    private static List<String> isbns(Record marc, String tag) {
        Set<String> isbns = new LinkedHashSet<>();
        for (VariableField field : marc.getVariableFields(tag)) {
            String raw = value((DataField) field, 'a');
            Matcher m = raw == null ? null : ISBN.matcher(raw);
            if (m != null && m.find()) {
                isbns.add(m.group().replace(" ", ""));
            }
        }
        return List.copyOf(isbns);
    }

    private static String ageRating(Record marc, String tag) {
        for (VariableField field : marc.getVariableFields(tag)) {
            String note = ((DataField) field).getSubfieldsAsString("a");
            Matcher m = note == null ? null : AGE.matcher(note);
            if (m != null && m.find()) {
                return m.group(1) + "+";
            }
        }
        return null;
    }

    private static String language(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String c = code.strip().toLowerCase(java.util.Locale.ROOT);
        return c.length() >= 3 && !c.startsWith("|") && !c.startsWith(" ") ? c.substring(0, 3) : null;
    }

    static Integer year(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = YEAR.matcher(text);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    private static LocalDate date(String text) {
        if (text == null || text.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip().substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static int parseInt(String text, int fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Display form: IRBIS's {@code <1000=тысяча>} search forms and {@code <Die >} non-sorting marks resolved. */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String t = text.replaceAll("[\\u0088\\u0089\\u0098\\u009C]", "");
        t = IRBIS_SEARCH_FORM.matcher(t).replaceAll("$1");
        t = IRBIS_NON_SORTING.matcher(t).replaceAll("$1");
        t = t.replaceAll("\\s+", " ").strip();
        t = t.replaceAll("[\\s/:;,=]+$", "").strip();
        return t.isEmpty() ? null : t;
    }

    /** MARC21 values also end in ISBD's full stop ("Clinton Heylin."), which a reader should not see. */
    static String cleanIsbd(String text) {
        String t = clean(text);
        if (t != null && t.endsWith(".") && !t.endsWith("..")) {
            int space = t.lastIndexOf(' ');
            String lastWord = t.substring(space + 1, t.length() - 1);
            if (lastWord.length() > 3 || lastWord.chars().allMatch(Character::isDigit)) {
                t = t.substring(0, t.length() - 1).strip();
            }
        }
        return t == null || t.isEmpty() ? null : t;
    }

    private static String value(DataField field, char code) {
        Subfield s = field.getSubfield(code);
        return s == null ? null : s.getData();
    }

    private static List<String> values(DataField field, char code) {
        List<String> values = new ArrayList<>();
        for (Subfield s : field.getSubfields(code)) {
            if (s.getData() != null) {
                values.add(s.getData());
            }
        }
        return values;
    }

    private static String first(Record marc, String tag, char code) {
        for (VariableField field : marc.getVariableFields(tag)) {
            if (field instanceof DataField f) {
                String v = value(f, code);
                if (v != null && !v.isBlank()) {
                    return v;
                }
            }
        }
        return null;
    }

    private static String joined(List<String> values, String separator) {
        List<String> cleaned = new ArrayList<>();
        for (String v : values) {
            addIfPresent(cleaned, clean(v));
        }
        return cleaned.isEmpty() ? null : String.join(separator, cleaned);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static void addIfPresent(java.util.Collection<String> to, String value) {
        if (value != null && !value.isBlank() && !to.contains(value)) {
            to.add(value);
        }
    }

    @SafeVarargs
    private static <T> T coalesce(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
