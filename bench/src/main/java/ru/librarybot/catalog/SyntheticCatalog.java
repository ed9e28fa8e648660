package ru.librarybot.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Recombines the words, authors and copies of the real records the demo ships into as many distinct-looking titles
 * as asked: the real titles first, then recombinations, always the same for the same size.
 */
final class SyntheticCatalog {

    /** How many reader queries a catalog of any size yields from its own titles. */
    private static final int SYNTHETIC_QUERIES = 2_000;

    private final List<Title> real;
    private final List<String> words = new ArrayList<>();
    private final List<String> authors = new ArrayList<>();
    private final Random random = new Random(42);
    private final int queryEvery;

    SyntheticCatalog(List<Title> real, int size) {
        this.real = real;
        for (Title t : real) {
            for (String w : t.title().split("[^\\p{L}\\p{N}]+")) {
                if (w.length() > 2) {
                    words.add(w);
                }
            }
            authors.addAll(t.authors());
        }
        this.queryEvery = Math.max(1, size / SYNTHETIC_QUERIES);
    }

    Title title(int i) {
        Title base = real.get(i % real.size());
        String name;
        if (i < real.size()) {
            name = base.title();
        } else if (random.nextBoolean()) {
            name = base.title() + ". " + phrase(1 + random.nextInt(3));
        } else {
            name = capitalized(phrase(2 + random.nextInt(5)));
        }
        List<String> by = random.nextInt(10) < 7 ? List.of(authors.get(random.nextInt(authors.size()))) : List.of();
        return new Title("bench-" + i, name, base.otherTitleInfo(), base.statement(), by, base.year(),
                base.publisher(), base.isbns(), base.subjects(), base.series(), base.ageRating(), base.language(),
                "bench", base.copies());
    }

    /** Every n-th title becomes a reader query: some of its words, maybe a typo, maybe its author's surname. */
    void maybeQuery(int i, Title title, List<String> queries) {
        if (i % queryEvery != 0) {
            return;
        }
        String[] ws = title.title().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        StringBuilder q = new StringBuilder();
        int start = random.nextInt(Math.max(1, ws.length - 1));
        for (int k = start; k < Math.min(ws.length, start + 2 + random.nextInt(2)); k++) {
            q.append(q.isEmpty() ? "" : " ").append(random.nextInt(4) == 0 ? typo(ws[k]) : ws[k]);
        }
        if (!title.authors().isEmpty() && random.nextBoolean()) {
            q.append(' ').append(title.authors().getFirst().split("[ ,]")[0]);
        }
        queries.add(q.toString());
    }

    private String phrase(int count) {
        StringBuilder p = new StringBuilder();
        for (int k = 0; k < count; k++) {
            p.append(p.isEmpty() ? "" : " ").append(words.get(random.nextInt(words.size())).toLowerCase(Locale.ROOT));
        }
        return p.toString();
    }

    private String typo(String word) {
        if (word.length() < 5) {
            return word;
        }
        int at = 1 + random.nextInt(word.length() - 2);
        char[] c = word.toCharArray();
        char swap = c[at];
        c[at] = c[at + 1];
        c[at + 1] = swap;
        return new String(c);
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The titles of the demo catalog's files, read as the importer reads them. */
    static List<Title> realTitles() throws IOException {
        record Source(String resource, ImportFormat format, String encoding) {
        }
        List<Title> titles = new ArrayList<>();
        BranchMapping branches = BranchMapping.none("central");
        for (Source s : List.of(new Source("catalog/demo/irbis-ibis-rusmarc.xml.gz", ImportFormat.MARCXML, "utf-8"),
                new Source("catalog/demo/nlr-test1-rusmarc-cp1251.iso.gz", ImportFormat.ISO2709, "windows-1251"),
                new Source("catalog/demo/koha-sample-marc21.mrc.gz", ImportFormat.ISO2709, "utf-8"),
                new Source("catalog/demo/popular-titles.csv", ImportFormat.CSV, "utf-8"))) {
            try (InputStream raw = SyntheticCatalog.class.getClassLoader().getResourceAsStream(s.resource());
                 InputStream in = s.resource().endsWith(".gz") ? new java.util.zip.GZIPInputStream(raw) : raw;
                 TitleSource source = TitleSource.open(s.format(), in, Encodings.named(s.encoding()), branches,
                         LocalDate.now())) {
                while (source.hasNext()) {
                    if (source.next() instanceof SourceItem.Found found) {
                        titles.add(found.title());
                    }
                }
            }
        }
        return titles;
    }

    /** The labeled reader queries of bot-core's search quality test, when run from the project folder. */
    static List<String> labeledQueries() throws IOException {
        Path file = Path.of("bot-core/src/test/resources/catalog/queries.tsv");
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\t")[0]).toList();
    }
}
