package ru.librarybot.catalog;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * The catalog's settings ({@code librarybot.catalog.*}).
 *
 * @param indexDir where the search index lives; empty keeps it in memory (rebuilt from Mongo at every start)
 * @param demo whether an empty catalog is filled with the demo titles at start
 * @param branches source location or home-library codes to branch ids, e.g. {@code branches[ЧЗ]=central}
 * @param defaultBranch the branch of copies whose record names no location
 * @param source {@code local} (imported files, searched here) or {@code sru} (the library's SRU server, live)
 * @param importFile a file to import from the command line; the application imports it, prints the report, exits
 * @param format the command-line file's format (marcxml, iso2709, csv); guessed from its name when empty
 * @param encoding the command-line file's encoding; detected (UTF-8 or windows-1251) when empty
 */
@ConfigurationProperties("librarybot.catalog")
public record CatalogProperties(@DefaultValue("data/catalog-index") String indexDir,
                                @DefaultValue("true") boolean demo,
                                Map<String, String> branches,
                                @DefaultValue("central") String defaultBranch,
                                @DefaultValue("local") String source,
                                @DefaultValue Sru sru,
                                @Name("import") String importFile,
                                String format,
                                String encoding) {

    public CatalogProperties {
        branches = branches == null ? Map.of() : Map.copyOf(branches);
    }

    /**
     * @param url the SRU base address, e.g. {@code http://koha.example.org:9998/biblios}
     */
    public record Sru(URI url, @DefaultValue("10s") Duration timeout) {
    }

    boolean isSru() {
        return "sru".equalsIgnoreCase(source.strip());
    }

    boolean isCommandLineImport() {
        return importFile != null && !importFile.isBlank();
    }
}
