package ru.librarybot.scheduling;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** A mongo-java-server in memory that several clients, like several bot instances, connect to. */
final class MemoryStore implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());

    MemoryStore() {
        server.bind("127.0.0.1", 0);
    }

    MongoClient newClient() {
        return MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/test");
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
