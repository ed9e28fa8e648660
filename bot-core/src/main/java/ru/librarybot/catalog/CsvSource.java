package ru.librarybot.catalog;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A catalog kept in a spreadsheet: one row per copy, the title's columns repeated on each of its rows (a title with
 * no copies has one row with an empty branch). Columns are found by their header, in any order; see
 * {@code docs/catalog.md}. Comma, semicolon and tab separated files are all accepted, as spreadsheet programs
 * in Russian locales write semicolons.
 */
final class CsvSource implements TitleSource {

    static final List<String> COLUMNS = List.of("id", "title", "other_title", "statement", "authors", "year",
            "publisher", "isbn", "subjects", "series", "age_rating", "language", "branch", "location", "barcode",
            "inventory", "state", "due_date");
    private static final DateTimeFormatter RUSSIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final Map<String, CopyState> STATES = states();

    private final BufferedReader reader;
    private final BranchMapping branches;
    private final LocalDate today;
    private char delimiter;
    private Map<String, Integer> header;
    private String headerProblem;
    private int number;
    private int line;
    private int rowLine;
    private List<String> lookahead;
    private boolean started;

    CsvSource(InputStream in, Charset encoding, BranchMapping branches, LocalDate today) {
        BufferedInputStream bytes = new BufferedInputStream(in, 1 << 16);
        Charset charset = encoding != null ? encoding : sniff(bytes);
        this.reader = new BufferedReader(new InputStreamReader(bytes, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)));
        this.branches = branches;
        this.today = today;
    }

    @Override
    public boolean hasNext() {
        start();
        if (headerProblem != null) {
            return number == 0;
        }
        return lookahead != null;
    }

    @Override
    public SourceItem next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        number++;
        if (headerProblem != null) {
            return new SourceItem.Rejected(number, null, headerProblem);
        }
        List<String> first = lookahead;
        int firstLine = rowLine;
        String id = cell(first, "id");
        List<List<String>> rows = new ArrayList<>();
        rows.add(first);
        lookahead = readRow();
        while (lookahead != null && id != null && id.equals(cell(lookahead, "id"))) {
            rows.add(lookahead);
            lookahead = readRow();
        }
        try {
            return new SourceItem.Found(number, toTitle(rows, firstLine));
        } catch (IllegalArgumentException e) {
            return new SourceItem.Rejected(number, id, "line " + firstLine + ": " + e.getMessage());
        }
    }

    private Title toTitle(List<List<String>> rows, int firstLine) {
        List<String> row = rows.getFirst();
        String id = cell(row, "id");
        String title = cell(row, "title");
        if (id == null) {
            throw new IllegalArgumentException("the id column is empty");
        }
        if (title == null) {
            throw new IllegalArgumentException("the title column is empty");
        }
        List<Copy> copies = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            String branch = cell(r, "branch");
            if (branch == null) {
                continue;
            }
            String stateText = cell(r, "state");
            CopyState state = stateText == null ? CopyState.AVAILABLE
                    : STATES.get(stateText.toLowerCase(Locale.ROOT).replace('ё', 'е'));
            if (state == null) {
                throw new IllegalArgumentException("unknown copy state '" + stateText + "' (line " + (firstLine + i)
                        + "); use " + String.join(", ", java.util.Arrays.stream(CopyState.values())
                        .map(Enum::name).toList()));
            }
            LocalDate due = dueDate(cell(r, "due_date"));
            copies.add(new Copy(branches.branchOf(branch), cell(r, "location"), cell(r, "barcode"),
                    cell(r, "inventory"), state, due));
        }
        String year = cell(row, "year");
        return new Title(id, title, cell(row, "other_title"), cell(row, "statement"), list(cell(row, "authors")),
                year == null ? null : MarcTitles.year(year), cell(row, "publisher"), list(cell(row, "isbn")),
                list(cell(row, "subjects")), cell(row, "series"), cell(row, "age_rating"), cell(row, "language"),
                "csv", copies);
    }

    /** ISO dates, Russian dd.MM.yyyy, or +N for N days after the import (demo data stays current). */
    private LocalDate dueDate(String text) {
        if (text == null) {
            return null;
        }
        try {
            if (text.startsWith("+")) {
                return today.plusDays(Integer.parseInt(text.substring(1).strip()));
            }
            return text.contains(".") ? LocalDate.parse(text, RUSSIAN_DATE) : LocalDate.parse(text);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("due_date '" + text + "' is not a date like 2025-12-31 or 31.12.2025");
        }
    }

    private static List<String> list(String cell) {
        if (cell == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (String v : cell.split("\\|")) {
            if (!v.isBlank()) {
                values.add(v.strip());
            }
        }
        return values;
    }

    private String cell(List<String> row, String column) {
        Integer index = header.get(column);
        if (index == null || index >= row.size()) {
            return null;
        }
        String v = row.get(index).strip();
        return v.isEmpty() ? null : v;
    }

    private void start() {
        if (started) {
            return;
        }
        started = true;
        String first = readLine();
        if (first == null) {
            headerProblem = "the file is empty: a header row naming the columns (id, title, ...) is required";
            return;
        }
        if (first.startsWith("\uFEFF")) {
            first = first.substring(1);
        }
        delimiter = delimiterOf(first);
        header = new HashMap<>();
        List<String> names = split(first);
        for (int i = 0; i < names.size(); i++) {
            header.putIfAbsent(names.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        if (!header.containsKey("id") || !header.containsKey("title")) {
            headerProblem = "the header row must name the columns id and title; found: " + String.join(", ", names);
            return;
        }
        lookahead = readRow();
    }

    /** The next non-empty row, its quoted cells possibly spanning lines. */
    private List<String> readRow() {
        while (true) {
            String text = readLine();
            if (text == null) {
                return null;
            }
            rowLine = line;
            StringBuilder record = new StringBuilder(text);
            while (quotesOpen(record)) {
                String more = readLine();
                if (more == null) {
                    break;
                }
                record.append('\n').append(more);
            }
            if (!record.toString().isBlank()) {
                return split(record.toString());
            }
        }
    }

    private String readLine() {
        try {
            String text = reader.readLine();
            if (text != null) {
                line++;
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean quotesOpen(CharSequence text) {
        int quotes = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '"') {
                quotes++;
            }
        }
        return quotes % 2 == 1;
    }

    private List<String> split(String record) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < record.length(); i++) {
            char c = record.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < record.length() && record.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == delimiter) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static char delimiterOf(String header) {
        char best = ',';
        long most = header.chars().filter(c -> c == ',').count();
        for (char candidate : new char[] {';', '\t'}) {
            long n = header.chars().filter(c -> c == candidate).count();
            if (n > most) {
                best = candidate;
                most = n;
            }
        }
        return best;
    }

    private static Charset sniff(BufferedInputStream in) {
        try {
            in.mark(1 << 16);
            byte[] head = in.readNBytes(1 << 16);
            in.reset();
            return Encodings.guess(head, head.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, CopyState> states() {
        Map<String, CopyState> states = new HashMap<>();
        for (CopyState s : CopyState.values()) {
            states.put(s.name().toLowerCase(Locale.ROOT), s);
        }
        states.put("свободен", CopyState.AVAILABLE);
        states.put("на полке", CopyState.AVAILABLE);
        states.put("выдан", CopyState.ON_LOAN);
        states.put("на руках", CopyState.ON_LOAN);
        states.put("забронирован", CopyState.RESERVED);
        states.put("бронь", CopyState.RESERVED);
        states.put("только в читальном зале", CopyState.NOT_FOR_LOAN);
        states.put("читальный зал", CopyState.NOT_FOR_LOAN);
        states.put("не выдается", CopyState.NOT_FOR_LOAN);
        states.put("в обработке", CopyState.IN_PROCESSING);
        states.put("утерян", CopyState.LOST);
        states.put("списан", CopyState.WRITTEN_OFF);
        return states;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
