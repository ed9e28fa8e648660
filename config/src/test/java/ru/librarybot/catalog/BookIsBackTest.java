package ru.librarybot.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/** A web chat reader asks to be told about a book that is out, a librarian's import frees a copy, the page hears. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"librarybot.admin-token=test-admin-token", "librarybot.catalog.demo=false"})
@ActiveProfiles("test")
class BookIsBackTest {

    private static final String HEADER = "id,title,other_title,statement,authors,year,publisher,isbn,subjects,series,"
            + "age_rating,language,branch,location,barcode,inventory,state,due_date\n";

    @LocalServerPort
    int port;

    @Test
    void aReaderWhoAskedIsToldInTheWebChatWhenACopyIsBack() {
        importCatalog("t-zhivago,Доктор Живаго,,,Пастернак Борис Леонидович,2020,,,,,16+,rus,central,абонемент,Z1,,ON_LOAN,2026-12-01\n");
        Map<?, ?> answer = say(Map.of("user", "reader-42", "text", "есть ли у вас Доктор Живаго?"));
        String watch = buttons(answer).stream().filter(p -> p.startsWith("AVAILABILITY:watch:")).findFirst()
                .orElseThrow(() -> new AssertionError("no watch button in " + answer));
        say(Map.of("user", "reader-42", "button", watch));
        assertThat(inbox("reader-42")).isEmpty();

        importCatalog("t-zhivago,Доктор Живаго,,,Пастернак Борис Леонидович,2020,,,,,16+,rus,central,абонемент,Z1,,AVAILABLE,\n");

        List<?> waiting = inbox("reader-42");
        assertThat(waiting).hasSize(1);
        assertThat(((Map<?, ?>) waiting.getFirst()).get("text").toString())
                .contains("Доктор Живаго", "Центральная библиотека");
        assertThat(inbox("reader-42")).isEmpty();
    }

    private void importCatalog(String rows) {
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", new ByteArrayResource((HEADER + rows).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "catalog.csv";
            }
        });
        form.add("format", "csv");
        client().post().uri("/api/admin/catalog/imports").header("Authorization", "Bearer test-admin-token")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form).retrieve().toBodilessEntity();
    }

    private Map<?, ?> say(Map<String, String> message) {
        return client().post().uri("/api/webchat/messages").contentType(MediaType.APPLICATION_JSON).body(message)
                .retrieve().body(Map.class);
    }

    private List<?> inbox(String user) {
        return (List<?>) client().get().uri("/api/webchat/inbox?user=" + user).retrieve().body(Map.class).get("replies");
    }

    @SuppressWarnings("unchecked")
    private static List<String> buttons(Map<?, ?> answer) {
        return ((List<Map<String, Object>>) answer.get("replies")).stream()
                .flatMap(r -> ((List<Map<String, String>>) r.get("buttons")).stream()).map(b -> b.get("payload")).toList();
    }

    private RestClient client() {
        return RestClient.create("http://127.0.0.1:" + port);
    }
}
