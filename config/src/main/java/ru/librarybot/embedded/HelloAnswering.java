package ru.librarybot.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * mongo-java-server answers {@code isMaster} but not its successor {@code hello}, which Boot's health check
 * sends; these backends answer {@code hello} the way a standalone MongoDB does.
 */
final class HelloAnswering {

    private HelloAnswering() {
    }

    static MongoBackend h2(String file) {
        return new H2FileBackend(file);
    }

    static MongoBackend memory() {
        return new MemoryBackend() {
            @Override
            public Document handleCommand(Channel channel, String database, String command, Document query) {
                return hello(command) ? helloReply(this, channel, database, query)
                        : super.handleCommand(channel, database, command, query);
            }
        };
    }

    static boolean hello(String command) {
        return command.equalsIgnoreCase("hello");
    }

    static Document helloReply(AbstractMongoBackend backend, Channel channel, String database, Document query) {
        Document reply = backend.handleCommand(channel, database, "isMaster", query);
        reply.put("isWritablePrimary", Boolean.TRUE);
        return reply;
    }
}
