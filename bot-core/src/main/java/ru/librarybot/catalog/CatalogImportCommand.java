package ru.librarybot.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.BeansException;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;

/**
 * The command-line import: {@code --librarybot.catalog.import=export.iso --librarybot.catalog.format=iso2709
 * --librarybot.catalog.encoding=windows-1251} imports the file, prints the report and exits (status 1 if the file
 * could not be read through).
 */
public class CatalogImportCommand implements ApplicationRunner, ApplicationContextAware {

    private final CatalogProperties properties;
    private final CatalogImporter importer;
    private ApplicationContext context;

    public CatalogImportCommand(CatalogProperties properties, CatalogImporter importer) {
        this.properties = properties;
        this.importer = importer;
    }

    @Override
    public void setApplicationContext(ApplicationContext context) throws BeansException {
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.isCommandLineImport()) {
            return;
        }
        ImportReport report = importNow();
        System.out.println(report.summary());
        int status = report.state() == ImportReport.State.DONE ? 0 : 1;
        System.exit(SpringApplication.exit(context, () -> status));
    }

    ImportReport importNow() {
        Path file = Path.of(properties.importFile());
        String format = properties.format() == null || properties.format().isBlank()
                ? ImportFormat.ofFileName(file.getFileName().toString()).id() : properties.format();
        try (InputStream in = Files.newInputStream(file)) {
            return importer.run(CatalogImporter.Request.of(file.toString(), format, properties.encoding()), in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.toAbsolutePath(), e);
        }
    }
}
