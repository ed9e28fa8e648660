package ru.librarybot.circulation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import ru.librarybot.circulation.embedded.DemoPatrons;
import ru.librarybot.circulation.embedded.EmbeddedCirculation;
import ru.librarybot.circulation.embedded.LoansImport;
import ru.librarybot.library.LibraryProfile;

/**
 * Keeps the embedded circulation filled: from the library's export file whenever its content changes, or with the
 * demo readers when a fresh store has no file to load.
 */
@Component
public class LoanFile {

    private static final Logger log = LoggerFactory.getLogger(LoanFile.class);
    private static final String IMPORTED_ID = "circulation-file";

    private final CirculationSource source;
    private final LoansImport loansImport;
    private final CirculationSettings settings;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final ZoneId zone;

    LoanFile(CirculationSource source, LoansImport loansImport, CirculationSettings settings, MongoTemplate mongo,
             Clock clock, LibraryProfile library) {
        this.source = source;
        this.loansImport = loansImport;
        this.settings = settings;
        this.mongo = mongo;
        this.clock = clock;
        this.zone = library.zone();
    }

    /**
     * Loads the export file if its content differs from the one last loaded.
     *
     * @return whether loans were loaded
     */
    public boolean importIfChanged() {
        if (!(source instanceof EmbeddedCirculation) || !StringUtils.hasText(settings.importFile())) {
            return false;
        }
        Path file = Path.of(settings.importFile());
        if (!Files.isRegularFile(file)) {
            log.warn("The circulation export {} (LIBRARYBOT_CIRCULATION_FILE) is not there; the loans loaded before stay",
                    file.toAbsolutePath());
            return false;
        }
        String fingerprint = fingerprint(file);
        Document imported = mongo.findById(IMPORTED_ID, Document.class, "settings");
        if (fingerprint == null || imported != null && fingerprint.equals(imported.getString("fingerprint"))) {
            return false;
        }
        LoansImport.Report report = loansImport.importFile(file);
        if (!report.applied()) {
            log.error("The circulation export {} was not loaded, the loans loaded before stay. Fix it and save it again:\n  {}",
                    file.toAbsolutePath(), String.join("\n  ", report.problems()));
        }
        // a refused file is not read again until it changes
        mongo.upsert(Query.query(Criteria.where("_id").is(IMPORTED_ID)), new Update().set("fingerprint", fingerprint)
                .set("applied", report.applied()).set("at", clock.instant()), "settings");
        return report.applied();
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadDemoIfEmpty() {
        if (settings.demo() && !StringUtils.hasText(settings.importFile())
                && source instanceof EmbeddedCirculation embedded && embedded.isEmpty()) {
            loansImport.replaceAll(DemoPatrons.dated(LocalDate.now(clock.withZone(zone))));
            log.info("The embedded circulation was empty: loaded the demo readers (card {}, PIN 1234)",
                    DemoPatrons.DEMO_CARD);
        }
    }

    private static String fingerprint(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            log.warn("The circulation export {} cannot be read ({})", file.toAbsolutePath(), e.getClass().getSimpleName());
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
