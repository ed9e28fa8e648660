package ru.librarybot.catalog;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class CatalogImporterTest {

    private static final String NLR_ISO = "catalog/nlr-test1-rusmarc-cp1251.iso";
    private static final String NLR_XML = "catalog/nlr-test1-rusmarc.xml.gz";
    private static final String IRBIS = "catalog/demo/irbis-ibis-rusmarc.xml.gz";

    @Test
    void importsIrbisBooksWithTheirCopiesAndSaysWhyJournalIssuesAreSkipped() throws Exception {
        try (TestCatalog t = new TestCatalog(Map.of("ЧЗ", "central", "БИНТ", "central"))) {
            ImportReport report = t.importResource(IRBIS, "marcxml", null);

            assertThat(report.state()).isEqualTo(ImportReport.State.DONE);
            assertThat(report.read()).isEqualTo(269);
            assertThat(report.imported()).isEqualTo(192);
            assertThat(report.skipped()).isEqualTo(77);
            assertThat(report.skips()).hasSize(77).allSatisfy(skip -> {
                assertThat(skip.recordId()).startsWith("IBIS-");
                assertThat(skip.reason()).startsWith("no title");
            });

            Title guide = t.title("IBIS-1");
            assertThat(guide.title()).isEqualTo("Куда пойти учиться?");
            assertThat(guide.authors()).containsExactly("Акулова З.М.", "Бабич А.М.");
            assertThat(guide.year()).isEqualTo(1993);
            assertThat(guide.publisher()).isEqualTo("СП \"Вся Москва\"");
            assertThat(guide.isbns()).containsExactly("5-7110-0177-9");
            assertThat(guide.series()).isEqualTo("Вся Москва");
            assertThat(guide.language()).isEqualTo("rus");
            assertThat(guide.copies()).extracting(Copy::branchId, Copy::location, Copy::barcode, Copy::inventoryNumber)
                    .startsWith(tuple("central", "БИНТ", "107206G", "32"), tuple("central", "БИНТ", "107216G", "33"),
                            tuple("central", "ЧЗ", "107236G", "557"));

            // a volume is named with its set, its author taken from the set when it has none of its own
            Title volume = t.title("IBIS-44");
            assertThat(volume.title()).isEqualTo("Собрание сочинений. Т. 1");
            assertThat(volume.authors()).containsExactly("Клычков С. А.");
            assertThat(volume.copies()).extracting(Copy::branchId, Copy::state)
                    .containsExactly(tuple("к/х", CopyState.AVAILABLE), tuple("аб", CopyState.LOST));
            // IRBIS's search form <1000=тысяча> shows as the reader sees the title
            assertThat(t.title("IBIS-59").title()).isEqualTo("1000 страниц о Москве");
        }
    }

    @Test
    void mapsEveryIrbisCopyStateAndExpandsGroupCopies() throws Exception {
        String record = """
                <collection xmlns="http://www.loc.gov/MARC21/slim"><record>
                  <controlfield tag="001">IBIS-T</controlfield>
                  <datafield tag="200" ind1=" " ind2=" "><subfield code="a">Ревизор</subfield></datafield>
                  %s
                  <datafield tag="920" ind1=" " ind2=" "><subfield code="a">PAZK</subfield></datafield>
                </record></collection>""".formatted(String.join("\n", Arrays.stream(
                "0 1 2 3 4 5 6 9".split(" ")).map(code -> "<datafield tag=\"910\" ind1=\" \" ind2=\" \">"
                + "<subfield code=\"a\">" + code + "</subfield><subfield code=\"d\">АБ</subfield></datafield>").toList())
                + "<datafield tag=\"910\" ind1=\" \" ind2=\" \"><subfield code=\"a\">U</subfield>"
                + "<subfield code=\"1\">3</subfield><subfield code=\"d\">АБ</subfield></datafield>");
        try (TestCatalog t = new TestCatalog()) {
            t.importText(record, "marcxml");

            assertThat(t.title("IBIS-T").copies()).extracting(Copy::state).containsExactly(
                    CopyState.AVAILABLE, CopyState.ON_LOAN, CopyState.IN_PROCESSING, CopyState.IN_PROCESSING,
                    CopyState.LOST, CopyState.NOT_FOR_LOAN, CopyState.WRITTEN_OFF, CopyState.RESERVED,
                    CopyState.AVAILABLE, CopyState.AVAILABLE, CopyState.AVAILABLE);
        }
    }

    @Test
    void readsTheWindows1251IsoFileAsTheSameRecordsAsItsMarcXmlTwin() throws Exception {
        try (TestCatalog iso = new TestCatalog(); TestCatalog xml = new TestCatalog(); TestCatalog guessed = new TestCatalog()) {
            ImportReport fromIso = iso.importResource(NLR_ISO, "iso2709", "windows-1251");
            ImportReport fromXml = xml.importResource(NLR_XML, "marcxml", null);
            ImportReport withoutEncoding = guessed.importResource(NLR_ISO, "iso2709", "");

            assertThat(fromIso.imported()).isEqualTo(81);
            assertThat(fromXml.imported()).isEqualTo(81);
            assertThat(withoutEncoding.imported()).isEqualTo(81);
            List<Title> fromIsoTitles = all(iso);
            assertThat(fromIsoTitles).isEqualTo(all(xml)).isEqualTo(all(guessed));

            Title babel = iso.title("RU\\NLR\\bibl\\340011");
            assertThat(babel.title()).isEqualTo("Собрание сочинений");
            assertThat(babel.authors()).containsExactly("Бабель Исаак Эммануилович");
            assertThat(babel.otherTitleInfo()).isEqualTo("В 2 т.");
            // a volume repeating its number in 200$a is named once
            assertThat(iso.title("RU\\NLR\\bibl\\3415").title()).isEqualTo("Задачи и этюды. Вып. 13");
            assertThat(iso.title("RU\\NLR\\bibl\\64495").copies()).extracting(Copy::branchId).containsOnly("NLR");
        }
    }

    @Test
    void readsKohaItemsAsCopiesOfTheirHoldingLibraryKeyedByBiblionumber() throws Exception {
        try (TestCatalog t = new TestCatalog(Map.of("CPL", "central", "MPL", "children"))) {
            ImportReport fromXml = t.importResource("catalog/koha-sample-marc21.xml.gz", "marcxml", null);
            ImportReport fromIso = t.importResource("catalog/demo/koha-sample-marc21.mrc.gz", "iso2709", "utf-8");

            assertThat(fromXml.imported()).isEqualTo(436);
            assertThat(fromIso.imported()).isZero();
            assertThat(fromIso.updated()).isEqualTo(436);
            assertThat(t.catalog.count()).isEqualTo(436);
            Title shuffle = t.title("koha:1");
            assertThat(shuffle.title()).isEqualTo("E Street shuffle");
            assertThat(shuffle.otherTitleInfo()).isEqualTo("the glory days of Bruce Springsteen & the E Street Band");
            assertThat(shuffle.authors()).containsExactly("Heylin, Clinton");
            assertThat(shuffle.year()).isEqualTo(2013);
            assertThat(shuffle.copies()).containsExactly(
                    new Copy("central", null, "3999900000001", null, CopyState.AVAILABLE, null));
            // unmapped home libraries keep their code as the branch
            assertThat(t.title("koha:238").copies()).extracting(Copy::branchId).containsExactly("children", "FPL");
            assertThat(t.title("koha:238").title()).isEqualTo("中国土壤");
        }
    }

    @Test
    void readsKohaLoanLostAndWithdrawnItemStates() throws Exception {
        String record = """
                <record xmlns="http://www.loc.gov/MARC21/slim">
                  <leader>00000cam a2200000 a 4500</leader>
                  <controlfield tag="001">42</controlfield>
                  <datafield tag="245" ind1="1" ind2="0"><subfield code="a">Dubliners /</subfield></datafield>
                  <datafield tag="952" ind1=" " ind2=" "><subfield code="b">CPL</subfield><subfield code="q">2025-12-02</subfield></datafield>
                  <datafield tag="952" ind1=" " ind2=" "><subfield code="b">CPL</subfield><subfield code="1">1</subfield></datafield>
                  <datafield tag="952" ind1=" " ind2=" "><subfield code="b">CPL</subfield><subfield code="0">1</subfield></datafield>
                  <datafield tag="952" ind1=" " ind2=" "><subfield code="b">CPL</subfield><subfield code="7">1</subfield></datafield>
                  <datafield tag="952" ind1=" " ind2=" "><subfield code="b">CPL</subfield><subfield code="7">-1</subfield></datafield>
                  <datafield tag="999" ind1=" " ind2=" "><subfield code="c">7</subfield><subfield code="d">7</subfield></datafield>
                </record>""";
        try (TestCatalog t = new TestCatalog()) {
            t.importText(record, "marcxml");

            Title dubliners = t.title("koha:7");
            assertThat(dubliners.title()).isEqualTo("Dubliners");
            assertThat(dubliners.copies()).extracting(Copy::state, Copy::dueDate).containsExactly(
                    tuple(CopyState.ON_LOAN, java.time.LocalDate.parse("2025-12-02")), tuple(CopyState.LOST, null),
                    tuple(CopyState.WRITTEN_OFF, null), tuple(CopyState.NOT_FOR_LOAN, null),
                    tuple(CopyState.IN_PROCESSING, null));
        }
    }

    @Test
    void skipsACorruptedAndATruncatedIsoRecordAndImportsAllTheOthers() throws Exception {
        List<byte[]> records = isoRecords(TestCatalog.bytes(NLR_ISO));
        byte[] corrupted = records.get(2).clone();
        Arrays.fill(corrupted, 24, 40, (byte) 'x'); // the directory of record 3
        records.set(2, corrupted);
        byte[] last = records.getLast();
        records.set(records.size() - 1, Arrays.copyOf(last, last.length / 2)); // the upload broke off
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        records.forEach(file::writeBytes);

        try (TestCatalog t = new TestCatalog()) {
            ImportReport report = t.importBytes(file.toByteArray(), "iso2709", "windows-1251");

            assertThat(report.state()).isEqualTo(ImportReport.State.DONE);
            assertThat(report.read()).isEqualTo(81);
            assertThat(report.imported()).isEqualTo(79);
            assertThat(report.skips()).extracting(ImportReport.Skip::record).containsExactly(3, 81);
            assertThat(report.skips().get(0).reason()).startsWith("unreadable record");
            assertThat(report.skips().get(1).reason()).startsWith("truncated record at the end of the file");
            assertThat(t.catalog.count()).isEqualTo(79);
            assertThat(t.catalog.find("RU\\NLR\\bibl\\5996")).isPresent(); // record 2, just before the broken one
        }
    }

    @Test
    void skipsBrokenMarcXmlRecordsWithTheirReasonsAndImportsTheRest() throws Exception {
        String file = """
                <?xml version="1.0" encoding="UTF-8"?>
                <marc:collection xmlns:marc="http://www.loc.gov/MARC21/slim">
                <marc:record><marc:controlfield tag="001">good-1</marc:controlfield>
                  <marc:datafield tag="200" ind1="1" ind2=" "><marc:subfield code="a">Ревизор</marc:subfield></marc:datafield></marc:record>
                <marc:record><marc:controlfield tag="001">unclosed</marc:controlfield>
                  <marc:datafield tag="200" ind1="1" ind2=" "><marc:subfield code="a">Шинель</marc:datafield></marc:record>
                <marc:record><marc:controlfield tag="001">no-tag</marc:controlfield>
                  <marc:datafield ind1="1" ind2=" "><marc:subfield code="a">Нос</marc:subfield></marc:datafield></marc:record>
                <marc:record><marc:controlfield tag="001">no-title</marc:controlfield>
                  <marc:datafield tag="700" ind1=" " ind2="1"><marc:subfield code="a">Гоголь</marc:subfield></marc:datafield></marc:record>
                <marc:record>
                  <marc:datafield tag="200" ind1="1" ind2=" "><marc:subfield code="a">Вий</marc:subfield></marc:datafield></marc:record>
                <marc:record><marc:controlfield tag="001">good-1</marc:controlfield>
                  <marc:datafield tag="200" ind1="1" ind2=" "><marc:subfield code="a">Ревизор, again</marc:subfield></marc:datafield></marc:record>
                <marc:record><marc:controlfield tag="001">good-2</marc:controlfield>
                  <marc:datafield tag="200" ind1="1" ind2=" "><marc:subfield code="a">Мёртвые души</marc:subfield></marc:datafield>
                <marc:record><marc:controlfield tag="001">good-3</marc:controlfield>
                  <marc:datafield tag="200" ind1="1" ind2=" "><marc:subfield code="a">Тарас Бульба</marc:subfield></marc:datafield></marc:record>
                <marc:record><marc:controlfield tag="001">cut</marc:controlfield>
                  <marc:datafield tag="200" ind1="1" ind2=" "><marc:subfield code="a">Портр""";
        try (TestCatalog t = new TestCatalog()) {
            ImportReport report = t.importText(file, "marcxml");

            assertThat(report.read()).isEqualTo(9);
            assertThat(report.imported()).isEqualTo(2);
            assertThat(report.skips()).extracting(ImportReport.Skip::record, ImportReport.Skip::recordId)
                    .containsExactly(tuple(2, "unclosed"), tuple(3, "no-tag"), tuple(4, "no-title"), tuple(5, null),
                            tuple(6, "good-1"), tuple(7, "good-2"), tuple(9, "cut"));
            assertThat(report.skips()).extracting(ImportReport.Skip::reason).satisfiesExactly(
                    r -> assertThat(r).startsWith("not well-formed XML"),
                    r -> assertThat(r).contains("three-character tag"),
                    r -> assertThat(r).startsWith("no title"),
                    r -> assertThat(r).startsWith("no record id"),
                    r -> assertThat(r).contains("already in this file at record 1"),
                    r -> assertThat(r).contains("not closed before the next record"),
                    r -> assertThat(r).startsWith("truncated record"));
            assertThat(t.title("good-1").title()).isEqualTo("Ревизор");
            assertThat(t.title("good-3").title()).isEqualTo("Тарас Бульба");
        }
    }

    @Test
    void reimportingTheSameFileUpdatesTheSameTitlesAndNeverDuplicates() throws Exception {
        try (TestCatalog t = new TestCatalog()) {
            ImportReport first = t.importResource(NLR_ISO, "iso2709", "windows-1251");
            List<Title> before = all(t);
            ImportReport second = t.importResource(NLR_ISO, "iso2709", "windows-1251");

            assertThat(first.imported()).isEqualTo(81);
            assertThat(second.imported()).isZero();
            assertThat(second.updated()).isEqualTo(81);
            assertThat(t.catalog.count()).isEqualTo(81);
            assertThat(t.index.size()).isEqualTo(81);
            assertThat(all(t)).isEqualTo(before);
        }
    }

    @Test
    void importsGzippedUploadsAsTheyAre() throws Exception {
        try (TestCatalog t = new TestCatalog()) {
            ImportReport report = t.importResource("catalog/demo/nlr-test1-rusmarc-cp1251.iso.gz", "iso2709", null);

            assertThat(report.imported()).isEqualTo(81);
        }
    }

    @Test
    void keepsTheReportSoProgressAndResultCanBeReadByItsId() throws Exception {
        try (TestCatalog t = new TestCatalog()) {
            ImportReport report = t.importResource(NLR_ISO, "iso2709", "windows-1251");

            assertThat(t.importer.status(report.id())).contains(report);
            assertThat(t.importer.status("no-such-import")).isEmpty();
        }
    }

    @Test
    void importsInTheBackgroundAndDeletesTheUploadedFile() throws Exception {
        try (TestCatalog t = new TestCatalog()) {
            java.nio.file.Path upload = java.nio.file.Files.createTempFile("upload", ".iso");
            java.nio.file.Files.write(upload, TestCatalog.bytes(NLR_ISO));
            List<Runnable> queued = new ArrayList<>();

            ImportReport started = t.importer.start(CatalogImporter.Request.of("nlr.iso", "iso2709", "cp1251"), upload,
                    queued::add);
            assertThat(t.importer.status(started.id())).get().extracting(ImportReport::state)
                    .isEqualTo(ImportReport.State.RUNNING);
            queued.forEach(Runnable::run);

            ImportReport done = t.importer.status(started.id()).orElseThrow();
            assertThat(done.state()).isEqualTo(ImportReport.State.DONE);
            assertThat(done.imported()).isEqualTo(81);
            assertThat(upload).doesNotExist();
        }
    }

    @Test
    void aTitleTurningAvailableTellsEachWaitingReaderOnce() throws Exception {
        String onLoan = csv("ON_LOAN");
        String back = csv("AVAILABLE");
        try (TestCatalog t = new TestCatalog()) {
            t.importText(onLoan, "csv");
            Title title = t.title("bulgakov-mm");
            t.watches.watch("telegram:aaa", title);
            t.watches.watch("telegram:aaa", title);
            t.watches.watch("vk:bbb", title);

            t.importText(onLoan, "csv");
            assertThat(t.events).isEmpty();
            t.importText(back, "csv");
            t.importText(back, "csv");

            assertThat(t.events).containsExactlyInAnyOrder(
                    new TitleAvailableAgain("telegram:aaa", "bulgakov-mm", "Мастер и Маргарита", "children"),
                    new TitleAvailableAgain("vk:bbb", "bulgakov-mm", "Мастер и Маргарита", "children"));
            assertThat(t.watches.isWatching("vk:bbb", "bulgakov-mm")).isFalse();
        }
    }

    private static String csv(String stateInChildren) {
        return "id;title;authors;branch;state;due_date\n"
                + "bulgakov-mm;Мастер и Маргарита;Булгаков М. А.;central;ON_LOAN;+3\n"
                + "bulgakov-mm;Мастер и Маргарита;Булгаков М. А.;children;" + stateInChildren + ";\n";
    }

    private static List<Title> all(TestCatalog t) {
        List<Title> titles = new ArrayList<>();
        t.catalog.forEach(titles::add);
        titles.sort(java.util.Comparator.comparing(Title::id));
        return titles;
    }

    private static List<byte[]> isoRecords(byte[] file) {
        List<byte[]> records = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < file.length; i++) {
            if (file[i] == 0x1D) {
                records.add(Arrays.copyOfRange(file, start, i + 1));
                start = i + 1;
            }
        }
        return records;
    }

    @SuppressWarnings("unused")
    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
