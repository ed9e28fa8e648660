package ru.librarybot.embedded;

import java.util.Arrays;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the store's unique indexes. H2 orders index keys, which it does not know, by their Java-serialized
 * bytes and serialized both keys anew on every comparison of every lookup: a third of the bot's allocation. The
 * bytes of recently compared keys are remembered by identity, so the order, and the file, stay exactly H2's.
 */
final class RememberedKeyBytes extends ObjectDataType {

    /**
     * Shared by every index, a few megabytes at most; direct-mapped by identity hash. A slot is replaced whole, so a
     * racing reader sees an old or a new pair, never a mix.
     */
    private static final Remembered[] REMEMBERED = new Remembered[1 << 15];

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue && b instanceof KeyValue) {
            return a == b ? 0 : Arrays.compareUnsigned(bytesOf(a), bytesOf(b));
        }
        return super.compare(a, b);
    }

    private static byte[] bytesOf(Object key) {
        int slot = System.identityHashCode(key) & (REMEMBERED.length - 1);
        Remembered remembered = REMEMBERED[slot];
        if (remembered != null && remembered.key() == key) {
            return remembered.bytes();
        }
        byte[] bytes = serialize(key);
        REMEMBERED[slot] = new Remembered(key, bytes);
        return bytes;
    }

    private record Remembered(Object key, byte[] bytes) {
    }
}
