package ru.librarybot.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogImportCommandTest {

    @Test
    void importsTheFileNamedOnTheCommandLineGuessingItsFormatAndEncoding(@TempDir Path dir) throws Exception {
        Path export = dir.resolve("export.iso");
        Files.write(export, TestCatalog.bytes("catalog/nlr-test1-rusmarc-cp1251.iso"));
        try (TestCatalog t = new TestCatalog()) {
            CatalogImportCommand command = new CatalogImportCommand(properties(export.toString(), null, null),
                    t.importer);

            ImportReport report = command.importNow();

            assertThat(report.state()).isEqualTo(ImportReport.State.DONE);
            assertThat(report.format()).isEqualTo("iso2709");
            assertThat(report.imported()).isEqualTo(81);
            assertThat(t.title("RU\\NLR\\bibl\\344355").title()).isEqualTo("Камо грядеши");
            assertThat(report.summary()).startsWith("Catalog import ").contains("81 records read, 81 imported");
        }
    }

    @Test
    void tellsTheFormatFromTheFileName() {
        assertThat(ImportFormat.ofFileName("Export.MRC")).isEqualTo(ImportFormat.ISO2709);
        assertThat(ImportFormat.ofFileName("catalog.xml.gz")).isEqualTo(ImportFormat.MARCXML);
        assertThat(ImportFormat.ofFileName("titles.csv")).isEqualTo(ImportFormat.CSV);
        assertThat(ImportFormat.ofFileName("irbis.iso")).isEqualTo(ImportFormat.ISO2709);
        assertThatThrownBy(() -> ImportFormat.ofFileName("catalog.xlsx"))
                .hasMessageContaining("format=marcxml, iso2709 or csv");
    }

    private static CatalogProperties properties(String file, String format, String encoding) {
        return new CatalogProperties("", false, Map.of(), "central", "local", new CatalogProperties.Sru(null, null),
                file, format, encoding);
    }
}
