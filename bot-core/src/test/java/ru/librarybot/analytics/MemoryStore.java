package ru.librarybot.analytics;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A mongo-java-server in memory with a template on it, one per test. */
final class MemoryStore implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;
    private final MongoTemplate template;
    private boolean serverStopped;

    private MemoryStore() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/test"
                + "?serverSelectionTimeoutMS=2000&connectTimeoutMS=2000");
        template = new MongoTemplate(client, "test");
    }

    static MemoryStore start() {
        return new MemoryStore();
    }

    MongoTemplate template() {
        return template;
    }

    /** Stops the server and leaves the client, as when the database goes away under a running bot. */
    void stopServer() {
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
