package ru.librarybot.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The live SRU search against a real Zebra server (Debian's idzebra-2.0, installed by .ci/install-zebra.sh) holding
 * the real NLR RUSMARC and Koha MARC21 records with their holdings. Skipped where Zebra is not installed.
 */
@EnabledIf(value = "zebraInstalled",
        disabledReason = "zebrasrv/zebraidx are not installed (run .ci/install-zebra.sh): the live SRU test is skipped")
class SruCatalogSearchZebraTest {

    @TempDir
    static Path dir;
    private static Process zebrasrv;
    private static SruCatalogSearch sru;

    @BeforeAll
    static void startZebra() throws Exception {
        for (String file : List.of("zebra.cfg", "dom-config.xml", "marc-index.xsl", "identity.xsl", "cql2pqf.txt")) {
            try (InputStream in = TestCatalog.resource("catalog/zebra/" + file)) {
                Files.copy(in, dir.resolve(file));
            }
        }
        Files.createDirectories(dir.resolve("register"));
        Files.createDirectories(dir.resolve("shadow"));
        gunzip("catalog/nlr-test1-rusmarc.xml.gz", dir.resolve("nlr.xml"));
        gunzip("catalog/koha-sample-marc21.xml.gz", dir.resolve("koha.xml"));
        int port = freePort();
        Files.writeString(dir.resolve("yazgfs.xml"), """
                <yazgfs>
                  <listen id="main">tcp:127.0.0.1:%d</listen>
                  <server id="catalog" listenref="main">
                    <config>zebra.cfg</config>
                    <cql2rpn>cql2pqf.txt</cql2rpn>
                    <retrievalinfo>
                      <retrieval syntax="xml" name="marcxml" identifier="info:srw/schema/1/marcxml-v1.1"/>
                    </retrievalinfo>
                  </server>
                </yazgfs>
                """.formatted(port));
        run("zebraidx", "-c", "zebra.cfg", "init");
        run("zebraidx", "-c", "zebra.cfg", "update", "nlr.xml", "koha.xml");
        run("zebraidx", "-c", "zebra.cfg", "commit");
        zebrasrv = new ProcessBuilder("zebrasrv", "-f", "yazgfs.xml").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("zebrasrv.log").toFile()).start();
        awaitListening(port);
        sru = new SruCatalogSearch(URI.create("http://127.0.0.1:" + port + "/Default"), Duration.ofSeconds(10),
                new BranchMapping(Map.of("NLR", "central", "CPL", "central", "MPL", "children"), "central"));
    }

    @AfterAll
    static void stopZebra() throws Exception {
        if (zebrasrv != null) {
            zebrasrv.destroy();
            zebrasrv.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void findsARussianTitleTypedWithOtherEndingsAndAnAuthor() {
        List<Title> found = sru.search("есть ли у вас камо грядеши сенкевича?", 5);

        assertThat(found).extracting(Title::id).containsExactly("RU\\NLR\\bibl\\344355");
        Title book = found.getFirst();
        assertThat(book.title()).isEqualTo("Камо грядеши");
        assertThat(book.authors()).containsExactly("Сенкевич Генрик");
        assertThat(book.copies()).extracting(Copy::branchId, Copy::inventoryNumber)
                .containsExactly(tuple("central", "383891"), tuple("central", "383892"));
    }

    @Test
    void readsKohaHoldingsAsCopiesInTheirBranches() {
        List<Title> found = sru.search("E Street shuffle", 5);

        assertThat(found).extracting(Title::id).contains("koha:1");
        Title shuffle = found.stream().filter(t -> t.id().equals("koha:1")).findFirst().orElseThrow();
        assertThat(shuffle.authors()).containsExactly("Heylin, Clinton");
        assertThat(shuffle.copies()).containsExactly(
                new Copy("central", null, "3999900000001", null, CopyState.AVAILABLE, null));
        assertThat(sru.byKey(shuffle.key())).contains(shuffle);
    }

    @Test
    void matchesCaseInsensitivelyAndEveryWordMustOccur() {
        assertThat(sru.search("ТУРИЗМ КВАРТАЛЬНОВ", 10)).extracting(Title::id).containsExactly("RU\\NLR\\bibl\\318976");
        assertThat(sru.search("мастер и маргарита", 10)).isEmpty();
    }

    @Test
    void anyReaderTextIsSentAsQuotedWordsTheServerAccepts() {
        for (String query : List.of("C++", "\"", "*", "мастер AND OR NOT", "(((", "dc.title=x", "\\", "x".repeat(5000),
                "сенкевич \"камо")) {
            assertThat(sru.search(query, 3)).as(query).isNotNull();
        }
        assertThat(sru.search("сенкевич \"камо", 3)).extracting(Title::title).containsExactly("Камо грядеши");
    }

    static boolean zebraInstalled() {
        return onPath("zebrasrv") && onPath("zebraidx");
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String folder : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, program))) {
                return true;
            }
        }
        return false;
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("zebraidx.log").toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command) + " finishes").isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + " succeeds; see " + dir.resolve("zebraidx.log"))
                .isZero();
    }

    private static void gunzip(String resource, Path target) throws IOException {
        try (InputStream in = new GZIPInputStream(TestCatalog.resource(resource));
             OutputStream out = Files.newOutputStream(target)) {
            in.transferTo(out);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void awaitListening(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!zebrasrv.isAlive()) {
                throw new IllegalStateException("zebrasrv stopped: " + Files.readString(dir.resolve("zebrasrv.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("zebrasrv did not start listening on port " + port);
    }
}
