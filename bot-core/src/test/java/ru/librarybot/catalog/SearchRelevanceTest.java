package ru.librarybot.catalog;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The labeled reader queries in {@code catalog/queries.tsv}: the title meant must come first for 90% of them. */
class SearchRelevanceTest {

    private static TestCatalog demo;

    private record Labeled(String query, String expectedId, String kind) {
    }

    @BeforeAll
    static void loadTheDemoCatalog() {
        demo = new TestCatalog();
        new DemoCatalog(demo.importer, BranchMapping.none("central")).load();
    }

    @AfterAll
    static void close() throws Exception {
        demo.close();
    }

    @Test
    void findsTheTitleMeantFirstForNineInTenReaderQueries() throws Exception {
        List<Labeled> queries = labeled();
        List<String> misses = new ArrayList<>();
        for (Labeled q : queries) {
            List<String> meant = List.of(q.expectedId().split("\\|"));
            meant.forEach(id -> assertThat(demo.catalog.find(id)).as("labeled title %s exists", id).isPresent());
            List<CatalogIndex.Hit> hits = demo.index.search(q.query(), 3);
            if (hits.isEmpty() || !meant.contains(hits.getFirst().id())) {
                misses.add("  «" + q.query() + "» (" + q.kind() + ") wanted " + q.expectedId() + ", got "
                        + hits.stream().map(h -> h.id() + " " + demo.title(h.id()).title()).toList());
            }
        }
        double firstHitRate = 1.0 - (double) misses.size() / queries.size();
        System.out.printf("Search relevance: %d of %d reader queries find the title meant first (%.1f%%)%n",
                queries.size() - misses.size(), queries.size(), firstHitRate * 100);
        misses.forEach(System.out::println);
        assertThat(queries).hasSizeGreaterThanOrEqualTo(60);
        assertThat(firstHitRate).isGreaterThanOrEqualTo(0.90);
    }

    private static List<Labeled> labeled() throws Exception {
        List<Labeled> queries = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                TestCatalog.resource("catalog/queries.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                queries.add(new Labeled(cells[0], cells[1], cells.length > 2 ? cells[2] : ""));
            }
        }
        return queries;
    }
}
