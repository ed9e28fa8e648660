package ru.librarybot.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.function.Consumer;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2FileBackendTest {

    @Test
    void aStoreWrittenByThePlainH2BackendIsFoundAndStillRefusesDuplicates(@TempDir Path data) {
        String file = data.resolve("librarybot.mv").toString();
        with(new H2Backend(file), readers -> {
            readers.createIndex(Indexes.ascending("card"), new IndexOptions().unique(true));
            for (int i = 0; i < 2_000; i++) {
                readers.insertOne(new Document("_id", "reader-" + i).append("card", "100" + i));
            }
        });

        with(new H2FileBackend(file), readers -> {
            assertThat(readers.find(new Document("_id", "reader-1234")).first()).containsEntry("card", "1001234");
            assertThat(readers.find(new Document("card", "100777")).first()).containsEntry("_id", "reader-777");
            assertThatThrownBy(() -> readers.insertOne(new Document("_id", "reader-5").append("card", "x")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> readers.insertOne(new Document("_id", "new").append("card", "1005")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            readers.insertOne(new Document("_id", "reader-2000").append("card", "1002000"));
        });

        with(new H2Backend(file), readers ->
                assertThat(readers.find(new Document("card", "1002000")).first()).containsEntry("_id", "reader-2000"));
    }

    private static void with(MongoBackend backend, Consumer<MongoCollection<Document>> work) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            work.accept(client.getDatabase("librarybot").getCollection("readers"));
        } finally {
            server.shutdownNow();
        }
    }
}
