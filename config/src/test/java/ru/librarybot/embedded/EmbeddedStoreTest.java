package ru.librarybot.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.client.RestClient;

import ru.librarybot.LibrarybotApplication;

class EmbeddedStoreTest {

    @Test
    void withNoMongoUriTheBotKeepsItsDataInAFileAcrossRestarts(@TempDir Path data) {
        String path = "--librarybot.embedded-store.path=" + data.resolve("librarybot.mv");
        try (ConfigurableApplicationContext first = start("--librarybot.embedded-store.backend=h2", path)) {
            first.getBean(MongoTemplate.class).save(new Document("_id", "kept").append("value", 42), "things");
        }
        try (ConfigurableApplicationContext second = start("--librarybot.embedded-store.backend=h2", path)) {
            Document kept = second.getBean(MongoTemplate.class).findById("kept", Document.class, "things");
            assertThat(kept).isNotNull().containsEntry("value", 42);
        }
    }

    @Test
    void theEmbeddedStoreReportsUpToBootsHealthCheck() {
        try (ConfigurableApplicationContext app = start("--librarybot.embedded-store.backend=memory")) {
            String health = RestClient.create().get().uri("http://127.0.0.1:" + port(app) + "/actuator/health")
                    .retrieve().body(String.class);

            assertThat(health).contains("\"mongo\":{").contains("\"status\":\"UP\"").doesNotContain("DOWN");
        }
    }

    @Test
    void withAMongoUriTheBotUsesThatDatabaseAndStartsNoEmbeddedStore() {
        MongoServer external = new MongoServer(new MemoryBackend());
        external.bind("127.0.0.1", 0);
        String uri = "mongodb://127.0.0.1:" + external.getLocalAddress().getPort() + "/librarybot";
        try (ConfigurableApplicationContext app = start("--spring.mongodb.uri=" + uri)) {
            assertThat(app.getBeansOfType(MongoServer.class)).isEmpty();
            app.getBean(MongoTemplate.class).save(new Document("_id", "here"), "things");

            try (var client = MongoClients.create(uri)) {
                assertThat(client.getDatabase("librarybot").getCollection("things").countDocuments()).isEqualTo(1);
            }
        } finally {
            external.shutdownNow();
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--server.port=0";
        all[1] = "--spring.main.banner-mode=off";
        System.arraycopy(args, 0, all, 2, args.length);
        return new SpringApplicationBuilder(LibrarybotApplication.class).run(all);
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((org.springframework.boot.web.server.context.WebServerApplicationContext) app).getWebServer().getPort();
    }
}
