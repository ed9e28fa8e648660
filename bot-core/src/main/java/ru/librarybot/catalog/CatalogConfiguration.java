package ru.librarybot.catalog;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.librarybot.conversation.Texts;
import ru.librarybot.library.LibraryProfile;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CatalogProperties.class)
class CatalogConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CatalogConfiguration.class);

    @Bean
    Catalog catalog(MongoTemplate mongo, Clock clock) {
        return new Catalog(mongo, clock);
    }

    @Bean(destroyMethod = "close")
    CatalogIndex catalogIndex(CatalogProperties properties) {
        String dir = properties.indexDir() == null ? "" : properties.indexDir().strip();
        if (dir.isEmpty()) {
            return CatalogIndex.inMemory();
        }
        try {
            return CatalogIndex.onDisk(Path.of(dir));
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof LockObtainFailedException)) {
                throw e;
            }
            // another instance on the same data folder holds the index; this one still answers, from memory
            log.warn("The catalog index in {} is in use by another process: keeping this instance's index in memory",
                    Path.of(dir).toAbsolutePath());
            return CatalogIndex.inMemory();
        }
    }

    @Bean
    BranchMapping branchMapping(CatalogProperties properties) {
        return new BranchMapping(properties.branches(), properties.defaultBranch());
    }

    @Bean
    TitleWatches titleWatches(MongoTemplate mongo, ApplicationEventPublisher events, Clock clock) {
        return new TitleWatches(mongo, events, clock);
    }

    @Bean
    ImportStatuses importStatuses(MongoTemplate mongo) {
        return new ImportStatuses(mongo);
    }

    @Bean
    CatalogImporter catalogImporter(Catalog catalog, CatalogIndex index, TitleWatches watches, BranchMapping branches,
                                    ImportStatuses statuses, Clock clock) {
        return new CatalogImporter(catalog, index, watches, branches, statuses, clock);
    }

    /** Uploaded files are imported one after another, off the request thread. */
    @Bean(destroyMethod = "shutdown")
    ExecutorService catalogImports() {
        return Executors.newSingleThreadExecutor(Thread.ofPlatform().name("catalog-import").daemon().factory());
    }

    @Bean
    CatalogSearch catalogSearch(CatalogProperties properties, CatalogIndex index, Catalog catalog,
                                BranchMapping branches) {
        if (properties.isSru()) {
            if (properties.sru().url() == null || properties.sru().url().toString().isBlank()) {
                throw new IllegalStateException(
                        "librarybot.catalog.source=sru needs librarybot.catalog.sru.url, the SRU server's address");
            }
            return new SruCatalogSearch(properties.sru().url(), properties.sru().timeout(), branches);
        }
        return new LocalCatalogSearch(index, catalog);
    }

    @Bean
    Refusals refusals(MongoTemplate mongo, Clock clock) {
        return new Refusals(mongo, clock);
    }

    @Bean
    LastSearches lastSearches(MongoTemplate mongo, Clock clock) {
        return new LastSearches(mongo, clock);
    }

    @Bean
    AvailabilityHandler availabilityHandler(CatalogSearch search, TitleWatches watches, Refusals refusals,
                                            LastSearches lastSearches, Texts texts, LibraryProfile library) {
        return new AvailabilityHandler(search, watches, refusals, lastSearches, texts, library);
    }

    @Bean
    CatalogStartup catalogStartup(CatalogProperties properties, Catalog catalog, CatalogIndex index,
                                  CatalogImporter importer, BranchMapping branches) {
        return new CatalogStartup(properties, catalog, index, new DemoCatalog(importer, branches));
    }

    @Bean
    CatalogImportCommand catalogImportCommand(CatalogProperties properties, CatalogImporter importer) {
        return new CatalogImportCommand(properties, importer);
    }
}
