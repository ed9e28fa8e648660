package ru.librarybot.catalog;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogIndexTest {

    private static final String TWO_EDITIONS = """
            id,title,authors,year,branch,state
            old,Война и мир,Толстой Лев Николаевич,1957,,
            new,Война и мир,Толстой Лев Николаевич,2020,central,AVAILABLE
            other,Мир в войне,Иванов Иван,2001,central,AVAILABLE
            yo,Ёлка в лесу,Чёрный Саша,1999,central,AVAILABLE
            """;

    @Test
    void putsTheEditionWithCopiesFirstAndTheExactTitleBeforeSharedWords() throws Exception {
        try (TestCatalog t = new TestCatalog()) {
            t.importText(TWO_EDITIONS, "csv");

            assertThat(ids(t.index.search("война и мир", 5))).startsWith("new", "old");
            assertThat(ids(t.index.search("мир в войне", 5))).startsWith("other");
        }
    }

    @Test
    void foldsCaseAndYoAndToleratesTypos() throws Exception {
        try (TestCatalog t = new TestCatalog()) {
            t.importText(TWO_EDITIONS, "csv");

            assertThat(ids(t.index.search("ЕЛКА В ЛЕСУ", 5))).startsWith("yo");
            assertThat(ids(t.index.search("чёрного", 5))).startsWith("yo");
            assertThat(ids(t.index.search("вайна и мир", 5))).startsWith("new");
            assertThat(ids(t.index.search("толстого", 5))).containsExactlyInAnyOrder("new", "old");
            assertThat(t.index.search("гроздья гнева", 5)).isEmpty();
            assertThat(t.index.search("есть ли у вас", 5)).isEmpty();
        }
    }

    @Test
    void aBookImportedAfterAReaderAskedIsFoundWhenTheyAskAgain() throws Exception {
        try (TestCatalog t = new TestCatalog()) {
            t.importText(TWO_EDITIONS, "csv");
            assertThat(t.index.search("гроздья гнева", 5)).isEmpty();
            assertThat(ids(t.index.search("война и мир", 5))).startsWith("new", "old");

            t.importText("""
                    id,title,authors,year,branch,state
                    grapes,Гроздья гнева,Стейнбек Джон,1939,central,AVAILABLE
                    new,Война и мир,Толстой Лев Николаевич,2020,central,ON_LOAN
                    newest,Война и мир,Толстой Лев Николаевич,2024,central,AVAILABLE
                    """, "csv");

            assertThat(ids(t.index.search("гроздья гнева", 5))).containsExactly("grapes");
            assertThat(ids(t.index.search("война и мир", 5))).startsWith("newest", "new", "old");
        }
    }

    @Test
    void keepsTheIndexOnDiskAndRebuildsItFromTheStoreWhenMissingOrStale(@TempDir Path dir) throws Exception {
        try (TestCatalog t = new TestCatalog()) {
            t.importText(TWO_EDITIONS, "csv");
            try (CatalogIndex onDisk = CatalogIndex.onDisk(dir.resolve("index"))) {
                assertThat(onDisk.rebuildIfStale(t.catalog)).isTrue();
                assertThat(onDisk.size()).isEqualTo(4);
            }
            try (CatalogIndex reopened = CatalogIndex.onDisk(dir.resolve("index"))) {
                assertThat(reopened.rebuildIfStale(t.catalog)).isFalse();
                assertThat(ids(reopened.search("ёлка", 5))).containsExactly("yo");
            }
            t.catalog.save(new Title("added", "Anna Karenina", null, null, List.of(), null, null, List.of(),
                    List.of(), null, null, null, "csv", List.of()));
            try (CatalogIndex reopened = CatalogIndex.onDisk(dir.resolve("index"))) {
                assertThat(reopened.rebuildIfStale(t.catalog)).isTrue();
                assertThat(ids(reopened.search("karenina", 5))).containsExactly("added");
            }
        }
    }

    @Test
    void rebuildsFromTheStoreEveryTitleOfACatalogLargerThanOnePage() throws Exception {
        try (TestCatalog t = new TestCatalog()) {
            StringBuilder csv = new StringBuilder("id,title,authors,year,branch,state\n");
            for (int i = 0; i < 2_345; i++) {
                csv.append("t").append(i).append(",Сборник номер ").append(i).append(",Составитель Иван,2001,central,AVAILABLE\n");
            }
            t.importText(csv.toString(), "csv");
            java.util.Set<String> walked = new java.util.HashSet<>();
            t.catalog.forEach(title -> assertThat(walked.add(title.id())).as("walked once: " + title.id()).isTrue());

            t.index.rebuild(t.catalog);

            assertThat(walked).hasSize(2_345);
            assertThat(t.index.size()).isEqualTo(2_345);
            assertThat(ids(t.index.search("сборник номер 2344", 1))).containsExactly("t2344");
        }
    }

    @Test
    void aSecondProcessOnTheSameFolderIsToldTheIndexIsInUse(@TempDir Path dir) throws Exception {
        try (CatalogIndex first = CatalogIndex.onDisk(dir)) {
            assertThatThrownBy(() -> CatalogIndex.onDisk(dir))
                    .hasCauseInstanceOf(org.apache.lucene.store.LockObtainFailedException.class);
            assertThat(first.size()).isZero();
        }
    }

    @Test
    void indexesATitleLongerThanAnyIndexTermAllows() throws Exception {
        String huge = "Служебник " + "великого государя ".repeat(3000);
        try (TestCatalog t = new TestCatalog()) {
            ImportReport report = t.importText("id,title\nhuge,\"" + huge + "\"\n", "csv");

            assertThat(report.imported()).isEqualTo(1);
            assertThat(ids(t.index.search("служебник", 5))).containsExactly("huge");
        }
    }

    @Test
    void findsATitleByTheShortKeyItsButtonsCarry() throws Exception {
        try (TestCatalog t = new TestCatalog()) {
            t.importText(TWO_EDITIONS, "csv");

            assertThat(t.index.idOfKey(Title.keyOf("yo"))).contains("yo");
            assertThat(Title.keyOf("RU\\NLR\\bibl\\3415")).hasSize(11).matches("[A-Za-z0-9_-]+");
            assertThat(t.index.idOfKey("AAAAAAAAAAA")).isEmpty();
        }
    }

    private static List<String> ids(List<CatalogIndex.Hit> hits) {
        return hits.stream().map(CatalogIndex.Hit::id).toList();
    }
}
