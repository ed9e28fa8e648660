package ru.librarybot.catalog;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Book questions as readers type them, about the demo catalog's titles: for benchmarks of the whole bot. */
public final class ReaderQuestions {

    private ReaderQuestions() {
    }

    /**
     * The labeled reader queries, then fragments of the demo's real titles (two or three words, one in four with two
     * letters swapped, half with the author's surname) until {@code count} distinct queries are found.
     */
    public static List<String> distinct(int count) throws IOException {
        List<Title> titles = SyntheticCatalog.realTitles();
        Set<String> queries = new LinkedHashSet<>(SyntheticCatalog.labeledQueries());
        SyntheticCatalog fragments = new SyntheticCatalog(titles, titles.size());
        List<String> batch = new ArrayList<>();
        for (int i = 0; queries.size() < count && i < count * 20; i++) {
            batch.clear();
            fragments.maybeQuery(i, titles.get(i % titles.size()), batch);
            queries.addAll(batch);
        }
        return List.copyOf(queries);
    }
}
