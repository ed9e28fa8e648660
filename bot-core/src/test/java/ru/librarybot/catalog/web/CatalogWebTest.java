package ru.librarybot.catalog.web;

import ru.librarybot.library.LibraryProfile;
import ru.librarybot.library.LibraryProfileLoader;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import ru.librarybot.catalog.CatalogFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class CatalogWebTest {

    private static final LibraryProfile DEMO_LIBRARY = LibraryProfileLoader.load("classpath:library/demo-library.yml");

    private static final String CATALOG = """
            id;title;authors;year;branch;state;due_date
            mm;Мастер и Маргарита;Булгаков Михаил Афанасьевич;2021;central;AVAILABLE;
            mm;Мастер и Маргарита;Булгаков Михаил Афанасьевич;2021;central;AVAILABLE;
            mm;Мастер и Маргарита;Булгаков Михаил Афанасьевич;2021;children;ON_LOAN;+9
            mm;Мастер и Маргарита;Булгаков Михаил Афанасьевич;2021;children;ON_LOAN;+5
            mm;Мастер и Маргарита;Булгаков Михаил Афанасьевич;2021;ЧЗ;NOT_FOR_LOAN;
            """;

    private CatalogFixture fixture;
    private final List<Runnable> queued = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new CatalogFixture();
        fixture.importCsv(CATALOG);
    }

    @AfterEach
    void tearDown() throws Exception {
        fixture.close();
    }

    @Test
    void answersTitlesWithFreeCopiesAndNearestReturnPerBranch() throws Exception {
        search().perform(get("/api/catalog/search").param("q", "есть ли у вас мастер и маргарита?"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.titles", hasSize(1)))
                .andExpect(jsonPath("$.titles[0].id").value("mm"))
                .andExpect(jsonPath("$.titles[0].title").value("Мастер и Маргарита"))
                .andExpect(jsonPath("$.titles[0].authors[0]").value("Булгаков Михаил Афанасьевич"))
                .andExpect(jsonPath("$.titles[0].freeCopies").value(2))
                .andExpect(jsonPath("$.titles[0].availability[0].branch").value("central"))
                .andExpect(jsonPath("$.titles[0].availability[0].branchName").value("Центральная библиотека"))
                .andExpect(jsonPath("$.titles[0].availability[0].free").value(2))
                .andExpect(jsonPath("$.titles[0].availability[1].branchName").value("ЧЗ"))
                .andExpect(jsonPath("$.titles[0].availability[1].readingRoomOnly").value(1))
                .andExpect(jsonPath("$.titles[0].availability[2].branch").value("children"))
                .andExpect(jsonPath("$.titles[0].availability[2].free").value(0))
                .andExpect(jsonPath("$.titles[0].availability[2].onLoan").value(2))
                .andExpect(jsonPath("$.titles[0].availability[2].nearestDue").value("2025-11-26"));
    }

    @Test
    void isOpenToTheLibrarySiteFromAnotherOrigin() throws Exception {
        search().perform(get("/api/catalog/search").param("q", "мастер").header("Origin", "https://library.example"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", "*"));
    }

    @Test
    void refusesASearchWithoutAQueryAndSurvivesAnyQueryText() throws Exception {
        search().perform(get("/api/catalog/search")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(containsString("?q=")));
        search().perform(get("/api/catalog/search").param("q", "   ")).andExpect(status().isBadRequest());
        for (String q : List.of("C++", "*", "\"", "AND", "((", "мастер~", "x".repeat(5000))) {
            search().perform(get("/api/catalog/search").param("q", q)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.titles").isArray());
        }
    }

    @Test
    void answersServiceUnavailableWhenTheLibrarysServerIsDown() throws Exception {
        MockMvc live = MockMvcBuilders.standaloneSetup(new CatalogSearchController(
                fixture.sru(URI.create("http://127.0.0.1:9/sru")), DEMO_LIBRARY)).build();

        live.perform(get("/api/catalog/search").param("q", "мастер")).andExpect(status().isServiceUnavailable());
    }

    @Test
    void importsAnUploadAndAnswersItsReport() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "nlr-export.iso", "application/octet-stream",
                CatalogFixture.bytes("catalog/nlr-test1-rusmarc-cp1251.iso"));

        imports(Runnable::run, Duration.ofSeconds(5))
                .perform(multipart("/api/admin/catalog/imports").file(file).param("encoding", "windows-1251"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("DONE"))
                .andExpect(jsonPath("$.format").value("iso2709"))
                .andExpect(jsonPath("$.read").value(81))
                .andExpect(jsonPath("$.imported").value(81))
                .andExpect(jsonPath("$.skipped").value(0));
        assertThat(fixture.catalog().find("RU\\NLR\\bibl\\344355")).get().extracting(t -> t.title())
                .isEqualTo("Камо грядеши");
    }

    @Test
    void reportsEachSkippedRecordOfABrokenUpload() throws Exception {
        byte[] iso = CatalogFixture.bytes("catalog/nlr-test1-rusmarc-cp1251.iso");
        MockMultipartFile cut = new MockMultipartFile("file", "cut.mrc", null, java.util.Arrays.copyOf(iso, 3000));

        imports(Runnable::run, Duration.ofSeconds(5))
                .perform(multipart("/api/admin/catalog/imports").file(cut).param("format", "iso2709"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("DONE"))
                .andExpect(jsonPath("$.skipped").value(1))
                .andExpect(jsonPath("$.skips[0].reason").value(containsString("truncated")));
    }

    @Test
    void aLongImportAnswersAcceptedAndItsStatusShowsWhenItIsDone() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "nlr.xml.gz", null,
                CatalogFixture.bytes("catalog/nlr-test1-rusmarc.xml.gz"));
        MockMvc mvc = imports(queued::add, Duration.ZERO);

        MvcResult accepted = mvc.perform(multipart("/api/admin/catalog/imports").file(file))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.state").value("RUNNING"))
                .andReturn();
        String location = accepted.getResponse().getHeader("Location");
        assertThat(location).startsWith("/api/admin/catalog/imports/");
        mvc.perform(get(location)).andExpect(jsonPath("$.state").value("RUNNING"));

        queued.forEach(Runnable::run);

        mvc.perform(get(location)).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("DONE"))
                .andExpect(jsonPath("$.format").value("marcxml"))
                .andExpect(jsonPath("$.imported").value(81));
    }

    @Test
    void refusesUploadsItCannotReadWithAClearReason() throws Exception {
        MockMvc mvc = imports(Runnable::run, Duration.ofSeconds(5));
        MockMultipartFile unnamed = new MockMultipartFile("file", "catalog.bin", null, new byte[] {1, 2, 3});

        mvc.perform(multipart("/api/admin/catalog/imports")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(containsString("'file'")));
        mvc.perform(multipart("/api/admin/catalog/imports").file(unnamed)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(containsString("format=marcxml, iso2709 or csv")));
        mvc.perform(multipart("/api/admin/catalog/imports").file(unnamed).param("format", "excel"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value(containsString("excel")));
        mvc.perform(multipart("/api/admin/catalog/imports").file(unnamed).param("format", "csv")
                .param("encoding", "klingon")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(containsString("klingon")));
        mvc.perform(get("/api/admin/catalog/imports/nope")).andExpect(status().isNotFound());
    }

    private MockMvc search() {
        return MockMvcBuilders.standaloneSetup(new CatalogSearchController(fixture.localSearch(), DEMO_LIBRARY))
                .build();
    }

    private MockMvc imports(Executor executor, Duration wait) {
        return MockMvcBuilders.standaloneSetup(new CatalogImportController(fixture.importer(), executor, wait)).build();
    }
}
