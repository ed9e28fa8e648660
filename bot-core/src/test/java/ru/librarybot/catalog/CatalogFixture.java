package ru.librarybot.catalog;

import java.net.URI;
import java.time.Duration;

import ru.librarybot.conversation.Texts;

/** The test catalog for tests outside this package (the web adapters). */
public final class CatalogFixture implements AutoCloseable {

    private final TestCatalog catalog = new TestCatalog();

    public void importCsv(String csv) {
        catalog.importText(csv, "csv");
    }

    public Catalog catalog() {
        return catalog.catalog;
    }

    public CatalogImporter importer() {
        return catalog.importer;
    }

    public CatalogSearch localSearch() {
        return new LocalCatalogSearch(catalog.index, catalog.catalog);
    }

    public CatalogSearch sru(URI url) {
        return new SruCatalogSearch(url, Duration.ofSeconds(2), BranchMapping.none("central"));
    }

    public Texts texts() {
        return AvailabilityHandlerTest.texts();
    }

    public static byte[] bytes(String resource) {
        return TestCatalog.bytes(resource);
    }

    @Override
    public void close() throws Exception {
        catalog.close();
    }
}
