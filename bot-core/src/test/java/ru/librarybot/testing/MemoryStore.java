package ru.librarybot.testing;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.repository.support.MongoRepositoryFactory;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A mongo-java-server in memory with a client and a template on it, one per test; more clients stand for more bot
 * instances on the same database.
 */
public final class MemoryStore implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;
    private final MongoTemplate template;
    private boolean serverStopped;

    private MemoryStore() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = newClient();
        template = new MongoTemplate(client, "test");
    }

    public static MemoryStore start() {
        return new MemoryStore();
    }

    /**
     * A bare in-memory server for a Spring test context, which brings its own client: points
     * {@code spring.mongodb.uri} at it. The caller shuts it down after its tests.
     */
    public static MongoServer serve(DynamicPropertyRegistry registry) {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/test");
        return server;
    }

    public MongoTemplate template() {
        return template;
    }

    /** A Spring Data repository over this store, as the application would get it. */
    public <R> R repository(Class<R> type) {
        return new MongoRepositoryFactory(template).getRepository(type);
    }

    public MongoClient newClient() {
        return MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/test"
                + "?serverSelectionTimeoutMS=2000&connectTimeoutMS=2000");
    }

    /** Stops the server and leaves the client, as when the database goes away under a running bot. */
    public void stopServer() {
        server.shutdownNow();
        serverStopped = true;
    }

    @Override
    public void close() {
        client.close();
        // a second shutdown waits forever for clients of an event loop that is already gone
        if (!serverStopped) {
            server.shutdownNow();
        }
    }
}
