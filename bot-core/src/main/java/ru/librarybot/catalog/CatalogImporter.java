package ru.librarybot.catalog;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.zip.GZIPInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a file exported from the library's system: every record read is imported, updated or skipped with its
 * reason, a broken record never stops the file, and the same file imported twice updates the same titles.
 */
public class CatalogImporter {

    private static final Logger log = LoggerFactory.getLogger(CatalogImporter.class);
    private static final int BATCH = 500;
    /** How often a long import reports progress (log and status document). */
    static final int PROGRESS_EVERY = 1000;

    private final Catalog catalog;
    private final CatalogIndex index;
    private final TitleWatches watches;
    private final BranchMapping branches;
    private final ImportStatuses statuses;
    private final Clock clock;

    /** What to import: the name is only for the report. */
    public record Request(String fileName, ImportFormat format, Charset encoding) {

        /** @param encoding a charset name, or blank/"auto" to detect UTF-8 or windows-1251 */
        public static Request of(String fileName, String format, String encoding) {
            return new Request(fileName, ImportFormat.parse(format), Encodings.named(encoding));
        }
    }

    public CatalogImporter(Catalog catalog, CatalogIndex index, TitleWatches watches, BranchMapping branches,
                           ImportStatuses statuses, Clock clock) {
        this.catalog = catalog;
        this.index = index;
        this.watches = watches;
        this.branches = branches;
        this.statuses = statuses;
        this.clock = clock;
    }

    /** Imports the stream now and answers the finished report. */
    public ImportReport run(Request request, InputStream in) {
        return run(newId(), request, in, branches);
    }

    ImportReport run(Request request, InputStream in, BranchMapping mapping) {
        return run(newId(), request, in, mapping);
    }

    /**
     * Imports a file in the background, deleting it afterwards; answers the running report, whose progress
     * {@link #status(String)} shows.
     */
    public ImportReport start(Request request, Path file, Executor executor) {
        String id = newId();
        ImportReport started = new Run(id, request).report(ImportReport.State.RUNNING, null);
        statuses.save(started);
        executor.execute(() -> {
            try (InputStream in = Files.newInputStream(file)) {
                run(id, request, in, branches);
            } catch (IOException | RuntimeException e) {
                log.error("Catalog import {} of {} failed", id, request.fileName(), e);
            } finally {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    log.warn("Could not delete the uploaded file {}", file, e);
                }
            }
        });
        return started;
    }

    public Optional<ImportReport> status(String id) {
        return statuses.find(id);
    }

    /** One import at a time: the index and the watch checks see the records in file order. */
    private synchronized ImportReport run(String id, Request request, InputStream in, BranchMapping mapping) {
        Run run = new Run(id, request);
        statuses.save(run.report(ImportReport.State.RUNNING, null));
        log.info("Catalog import {} of {} ({}) started", id, request.fileName(), request.format().id());
        try (TitleSource source = TitleSource.open(request.format(), unzipped(in), request.encoding(), mapping,
                LocalDate.now(clock))) {
            List<SourceItem.Found> batch = new ArrayList<>(BATCH);
            while (source.hasNext()) {
                SourceItem item = source.next();
                run.read++;
                switch (item) {
                    case SourceItem.Found found -> {
                        Integer earlier = run.seen.putIfAbsent(found.title().id(), found.number());
                        if (earlier != null) {
                            run.skip(found.number(), found.title().id(),
                                    "the same record id is already in this file at record " + earlier);
                        } else {
                            batch.add(found);
                        }
                    }
                    case SourceItem.Rejected rejected -> run.skip(rejected.number(), rejected.recordId(),
                            rejected.reason());
                }
                if (batch.size() == BATCH) {
                    store(batch, run);
                    batch.clear();
                }
                if (run.read % PROGRESS_EVERY == 0) {
                    log.info("Catalog import {}: {} records read, {} imported, {} updated, {} skipped", id,
                            run.read, run.imported, run.updated, run.skipped);
                    statuses.save(run.report(ImportReport.State.RUNNING, null));
                }
            }
            store(batch, run);
            index.commit();
            ImportReport done = run.report(ImportReport.State.DONE, null);
            statuses.save(done);
            log.info("Catalog import {} done: {} records read, {} imported, {} updated, {} skipped", id, run.read,
                    run.imported, run.updated, run.skipped);
            return done;
        } catch (IOException | RuntimeException e) {
            index.commit();
            String reason = e instanceof UncheckedIOException u ? u.getCause().getMessage() : e.getMessage();
            log.error("Catalog import {} of {} stopped after {} records", id, request.fileName(), run.read, e);
            ImportReport failed = run.report(ImportReport.State.FAILED,
                    "the file could not be read past record " + run.read + ": " + reason);
            statuses.save(failed);
            return failed;
        }
    }

    private void store(List<SourceItem.Found> batch, Run run) {
        if (batch.isEmpty()) {
            return;
        }
        List<Title> titles = new ArrayList<>(batch.size());
        for (SourceItem.Found found : batch) {
            titles.add(found.title());
        }
        Map<String, Title> before = catalog.findAll(titles.stream().map(Title::id).toList());
        catalog.saveAll(titles);
        index.update(titles);
        for (Title title : titles) {
            Title previous = before.get(title.id());
            if (previous == null) {
                run.imported++;
            } else {
                run.updated++;
                if (previous.freeCopies() == 0 && title.freeCopies() > 0) {
                    watches.availableAgain(title);
                }
            }
        }
    }

    private static InputStream unzipped(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(2);
        int b1 = buffered.read();
        int b2 = buffered.read();
        buffered.reset();
        return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(buffered, 1 << 16) : buffered;
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private final class Run {
        final String id;
        final Request request;
        final Instant startedAt = clock.instant();
        final Map<String, Integer> seen = new HashMap<>();
        final List<ImportReport.Skip> skips = new ArrayList<>();
        int read;
        int imported;
        int updated;
        int skipped;

        Run(String id, Request request) {
            this.id = id;
            this.request = request;
        }

        void skip(int record, String recordId, String reason) {
            skipped++;
            if (skips.size() < ImportReport.MAX_LISTED) {
                skips.add(new ImportReport.Skip(record, recordId, reason));
            }
        }

        ImportReport report(ImportReport.State state, String failure) {
            return new ImportReport(id, request.fileName(), request.format().id(), state, read, imported, updated,
                    skipped, skips, startedAt, state == ImportReport.State.RUNNING ? null : clock.instant(), failure);
        }
    }
}
