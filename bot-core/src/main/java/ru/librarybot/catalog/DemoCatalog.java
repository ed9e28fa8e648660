package ru.librarybot.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The catalog a new installation starts with, so the bot can answer from its first run: real records exported
 * from IRBIS, a RUSMARC library and Koha, and popular Russian classics and children's books with copies in the
 * demo branches.
 */
public class DemoCatalog {

    private record DemoFile(String resource, ImportFormat format, String encoding) {
    }

    private static final List<DemoFile> FILES = List.of(
            new DemoFile("catalog/demo/irbis-ibis-rusmarc.xml.gz", ImportFormat.MARCXML, "utf-8"),
            new DemoFile("catalog/demo/nlr-test1-rusmarc-cp1251.iso.gz", ImportFormat.ISO2709, "windows-1251"),
            new DemoFile("catalog/demo/koha-sample-marc21.mrc.gz", ImportFormat.ISO2709, "utf-8"),
            new DemoFile("catalog/demo/popular-titles.csv", ImportFormat.CSV, "utf-8"));

    private final CatalogImporter importer;
    private final BranchMapping branches;

    /** @param configured the library's own mapping, which wins over the demo's */
    public DemoCatalog(CatalogImporter importer, BranchMapping configured) {
        this.importer = importer;
        this.branches = configured.withFallback(demoBranches());
    }

    public List<ImportReport> load() {
        List<ImportReport> reports = new ArrayList<>();
        for (DemoFile file : FILES) {
            try (InputStream in = resource(file.resource())) {
                reports.add(importer.run(new CatalogImporter.Request(file.resource(), file.format(),
                        Encodings.named(file.encoding())), in, branches));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the demo catalog file " + file.resource(), e);
            }
        }
        return reports;
    }

    private static Map<String, String> demoBranches() {
        Properties codes = new Properties();
        try (InputStream in = resource("catalog/demo/branches.properties")) {
            codes.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> map = new HashMap<>();
        codes.forEach((code, branch) -> map.put((String) code, (String) branch));
        return map;
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = DemoCatalog.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("The demo catalog file " + name + " is missing from the application");
        }
        return in;
    }
}
