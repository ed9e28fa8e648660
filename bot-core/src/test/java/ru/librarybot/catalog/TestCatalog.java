package ru.librarybot.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A catalog on the in-memory Mongo server and an in-memory index, wired as the application wires it. */
final class TestCatalog implements AutoCloseable {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-21T09:00:00Z"), ZoneId.of("Europe/Moscow"));

    final MongoServer server = new MongoServer(new MemoryBackend());
    final MongoClient client;
    final MongoTemplate mongo;
    final Catalog catalog;
    final CatalogIndex index = CatalogIndex.inMemory();
    final List<Object> events = new ArrayList<>();
    final TitleWatches watches;
    final CatalogImporter importer;

    TestCatalog() {
        this(Map.of());
    }

    TestCatalog(Map<String, String> branchCodes) {
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/test");
        mongo = new MongoTemplate(client, "test");
        catalog = new Catalog(mongo, CLOCK);
        watches = new TitleWatches(mongo, events::add, CLOCK);
        importer = new CatalogImporter(catalog, index, watches, new BranchMapping(branchCodes, "central"),
                new ImportStatuses(mongo), CLOCK);
    }

    ImportReport importResource(String resource, String format, String encoding) {
        try (InputStream in = resource(resource)) {
            return importer.run(CatalogImporter.Request.of(resource, format, encoding), in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ImportReport importText(String text, String format) {
        return importer.run(CatalogImporter.Request.of("inline." + format, format, "utf-8"),
                new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    ImportReport importBytes(byte[] bytes, String format, String encoding) {
        return importer.run(CatalogImporter.Request.of("bytes." + format, format, encoding),
                new java.io.ByteArrayInputStream(bytes));
    }

    Title title(String id) {
        return catalog.find(id).orElseThrow(() -> new AssertionError("no title " + id));
    }

    static InputStream resource(String name) {
        InputStream in = TestCatalog.class.getResourceAsStream("/" + name);
        if (in == null) {
            throw new IllegalArgumentException("no test resource " + name);
        }
        return in;
    }

    static byte[] bytes(String name) {
        try (InputStream in = resource(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        index.close();
        client.close();
        server.shutdownNow();
    }
}
