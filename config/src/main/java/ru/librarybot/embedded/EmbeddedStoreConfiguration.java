package ru.librarybot.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts an in-process MongoDB-compatible server when {@code spring.mongodb.uri} is not set: an H2 file under
 * {@code ./data/} by default, so a newcomer's bot keeps its data across restarts, or memory for tests.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoMongoUriConfigured.class)
class EmbeddedStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStoreConfiguration.class);

    @Bean(destroyMethod = "shutdownNow")
    MongoServer embeddedMongoServer(@Value("${librarybot.embedded-store.backend:h2}") String backend,
                                    @Value("${librarybot.embedded-store.path:data/librarybot.mv}") String path) {
        MongoServer server = switch (backend) {
            case "memory" -> new MongoServer(HelloAnswering.memory());
            case "h2" -> new MongoServer(HelloAnswering.h2(prepare(Path.of(path))));
            default -> throw new IllegalArgumentException(
                    "librarybot.embedded-store.backend must be h2 or memory, not " + backend);
        };
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        log.info("No spring.mongodb.uri set: using the embedded store ({}{}) on {}", backend,
                backend.equals("h2") ? " at " + Path.of(path).toAbsolutePath().normalize() : "", address);
        return server;
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnection(MongoServer embeddedMongoServer,
                                                   @Value("${spring.mongodb.database:librarybot}") String database) {
        InetSocketAddress address = embeddedMongoServer.getLocalAddress();
        ConnectionString uri = new ConnectionString(
                "mongodb://127.0.0.1:" + address.getPort() + "/" + database);
        return () -> uri;
    }

    private static String prepare(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            return file.toAbsolutePath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folder for the embedded store: " + file, e);
        }
    }
}
