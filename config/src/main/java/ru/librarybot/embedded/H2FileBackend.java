package ru.librarybot.embedded;

import java.util.List;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 file backend, answering {@code hello} and opening its unique indexes with
 * {@link RememberedKeyBytes} keys: the same maps under the same names, so a store written before reads the same.
 */
final class H2FileBackend extends H2Backend {

    H2FileBackend(String file) {
        super(file);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return HelloAnswering.hello(command) ? HelloAnswering.helloReply(this, channel, database, query)
                : super.handleCommand(channel, database, command, query);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String name) {
        return new FileDatabase(name, getMvStore(), getCursorRegistry());
    }

    /** An inner class: H2Database opens the existing indexes in its constructor, before a field of ours is set. */
    private final class FileDatabase extends H2Database {

        FileDatabase(String name, MVStore store, CursorRegistry cursors) {
            super(name, store, cursors);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collection, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            MVMap<KeyValue, Object> map = getMvStore().openMap(
                    getFullCollectionNamespace(collection) + "._index_" + indexName,
                    new MVMap.Builder<KeyValue, Object>().keyType(new RememberedKeyBytes()));
            return new H2KeyIndex(map, indexName, keys, sparse);
        }
    }
}
