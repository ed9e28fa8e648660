package ru.librarybot.catalog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * At start: rebuilds the search index from Mongo when it is missing or out of step, and fills an empty catalog
 * with the demo titles so a new installation answers from its first message.
 */
public class CatalogStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogStartup.class);

    private final CatalogProperties properties;
    private final Catalog catalog;
    private final CatalogIndex index;
    private final DemoCatalog demo;

    public CatalogStartup(CatalogProperties properties, Catalog catalog, CatalogIndex index, DemoCatalog demo) {
        this.properties = properties;
        this.catalog = catalog;
        this.index = index;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.isCommandLineImport()) {
            return;
        }
        long started = System.nanoTime();
        if (index.rebuildIfStale(catalog)) {
            log.info("Rebuilt the catalog search index from the store: {} titles in {} ms", index.size(),
                    (System.nanoTime() - started) / 1_000_000);
        }
        if (properties.demo() && !properties.isSru() && catalog.isEmpty()) {
            log.info("The catalog is empty: loading the demo catalog (set librarybot.catalog.demo=false to start empty)");
            for (ImportReport report : demo.load()) {
                log.info("Demo catalog: {} — {} titles imported, {} records skipped", report.fileName(),
                        report.imported(), report.skipped());
            }
        }
    }
}
