package ru.librarybot.conversation;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The readers' dialogs, read on every message. When this process is the store's only writer (the embedded store,
 * whose file one process holds), they are kept in memory as well: written through to the store, read from memory.
 */
public class Dialogs {

    /** Far more readers than write in half an hour to a municipal library; a few megabytes. */
    static final int REMEMBERED = 50_000;

    private final DialogRepository store;
    private final Map<String, Dialog> remembered;
    /** Counts forgettings of everything, so a read that began before one does not bring back what it held. */
    private final AtomicLong era = new AtomicLong();

    Dialogs(DialogRepository store, boolean soleWriter) {
        this.store = store;
        this.remembered = soleWriter ? new ConcurrentHashMap<>() : null;
    }

    /** The reader's dialog, or a fresh one when the bot never asked them anything. */
    Dialog of(String readerKey) {
        if (remembered == null) {
            return read(readerKey);
        }
        Dialog known = remembered.get(readerKey);
        if (known != null) {
            return known;
        }
        long readIn = era.get();
        Dialog dialog = read(readerKey);
        if (remembered.size() >= REMEMBERED) {
            era.incrementAndGet();
            remembered.clear();
        } else if (era.get() == readIn) {
            // a save made meanwhile is newer than what was read, and stays
            remembered.putIfAbsent(readerKey, dialog);
        }
        return dialog;
    }

    void save(Dialog dialog) {
        store.save(dialog);
        if (remembered != null) {
            remembered.put(dialog.readerKey(), dialog);
        }
    }

    /** Forgets the reader's dialog unless they began a new one after {@code answeredBy}. */
    public void forget(String readerKey, Instant answeredBy) {
        store.findById(readerKey).filter(dialog -> !dialog.updatedAt().isAfter(answeredBy))
                .ifPresent(dialog -> store.deleteById(readerKey));
        if (remembered != null) {
            era.incrementAndGet();
            remembered.remove(readerKey);
        }
    }

    private Dialog read(String readerKey) {
        return store.findById(readerKey).orElseGet(() -> Dialog.start(readerKey));
    }
}
