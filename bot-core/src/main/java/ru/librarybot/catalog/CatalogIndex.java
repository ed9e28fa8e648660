package ru.librarybot.catalog;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The local search index over the catalog's titles. Mongo stays the source of truth: the index holds only what is
 * needed to find a title's id, and is rebuilt from Mongo whenever it is missing or out of step.
 * Queries are built term by term from the reader's words, never parsed, so no text can be a syntax error.
 */
public class CatalogIndex implements Closeable {

    static final String ID = "id";
    static final String KEY = "key";
    static final String TITLE = "title";
    static final String OTHER = "other";
    static final String AUTHOR = "author";
    static final String STATEMENT = "statement";
    static final String EXTRA = "extra";
    static final String EXACT = "exact";
    static final String FEATURES = "features";
    static final int MAX_TERMS = 12;

    private final Directory directory;
    private final Analyzer analyzer = new CatalogAnalyzer();
    private final TypoAutomata typos = new TypoAutomata();
    /** Readers ask for the same popular books over and over; answers hold only ids, so thousands fit in little. */
    private volatile RecentAnswers recentAnswers = new RecentAnswers(null, new ConcurrentHashMap<>());
    private final IndexWriter writer;
    private final SearcherManager searchers;

    /** A search result: the title's id and how well it matched. */
    public record Hit(String id, float score) {
    }

    static final int RECENT_ANSWERS = 10_000;

    private record RecentAnswers(IndexReader reader, Map<String, List<Hit>> hits) {
    }

    public CatalogIndex(Directory directory) {
        try {
            this.directory = directory;
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(64);
            this.writer = new IndexWriter(directory, config);
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the catalog index", e);
        }
    }

    /** @throws UncheckedIOException caused by {@link org.apache.lucene.store.LockObtainFailedException} when in use */
    public static CatalogIndex onDisk(Path folder) {
        Directory directory = null;
        try {
            Files.createDirectories(folder);
            directory = FSDirectory.open(folder);
            return new CatalogIndex(directory);
        } catch (UncheckedIOException e) {
            closeQuietly(directory);
            throw new UncheckedIOException("Cannot open the catalog index in " + folder.toAbsolutePath(), e.getCause());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the catalog index folder " + folder.toAbsolutePath(), e);
        }
    }

    private static void closeQuietly(Directory directory) {
        try {
            if (directory != null) {
                directory.close();
            }
        } catch (IOException ignored) {
            // the open failure is the error worth reporting
        }
    }

    public static CatalogIndex inMemory() {
        return new CatalogIndex(new ByteBuffersDirectory());
    }

    /** Adds new titles and replaces indexed ones; visible to searches after {@link #commit()}. */
    public void update(Collection<Title> titles) {
        try {
            for (Title title : titles) {
                writer.updateDocument(new Term(ID, title.id()), document(title));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot update the catalog index", e);
        }
    }

    public void commit() {
        try {
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot commit the catalog index", e);
        }
    }

    /** Makes the index match Mongo exactly. */
    public void rebuild(Catalog catalog) {
        try {
            writer.deleteAll();
            List<Title> batch = new ArrayList<>(1000);
            catalog.forEach(title -> {
                batch.add(title);
                if (batch.size() == 1000) {
                    update(batch);
                    batch.clear();
                }
            });
            update(batch);
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot rebuild the catalog index", e);
        }
    }

    /** Rebuilds when the index is missing or holds a different number of titles than Mongo. */
    public boolean rebuildIfStale(Catalog catalog) {
        if (size() == catalog.count()) {
            return false;
        }
        rebuild(catalog);
        return true;
    }

    public int size() {
        return writer.getDocStats().numDocs;
    }

    /** The best titles for what a reader typed, best first; empty when nothing is a plausible match. */
    public List<Hit> search(String readerText, int limit) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                RecentAnswers recent = recentAnswers;
                if (recent.reader() != searcher.getIndexReader()) {
                    // the index changed: an import ran, so every remembered answer may be out of date
                    recent = new RecentAnswers(searcher.getIndexReader(), new ConcurrentHashMap<>());
                    recentAnswers = recent;
                }
                String asked = limit + "|" + readerText.strip();
                List<Hit> hits = recent.hits().get(asked);
                if (hits == null) {
                    hits = search(searcher, readerText, limit);
                    if (recent.hits().size() >= RECENT_ANSWERS) {
                        recent.hits().clear();
                    }
                    recent.hits().put(asked, hits);
                }
                return hits;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot search the catalog index", e);
        }
    }

    private List<Hit> search(IndexSearcher searcher, String readerText, int limit) throws IOException {
        TitleQuery query = TitleQuery.of(readerText, analyzer, typos);
        if (query.isEmpty()) {
            return List.of();
        }
        // most readers type the title right, and typo automata are most of a search's cost: they come second
        List<Hit> hits = search(searcher, query.strictAsTyped(), limit);
        if (hits.isEmpty()) {
            hits = search(searcher, query.strict(), limit);
        }
        if (hits.isEmpty() && query.canRelax()) {
            // a reader's extra words ("новое издание", a wrong first name) must not hide the book
            hits = search(searcher, query.relaxed(), limit);
        }
        return hits;
    }

    /** The id of the title with this short key, as buttons carry it. */
    public Optional<String> idOfKey(String key) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                TopDocs top = searcher.search(new TermQuery(new Term(KEY, key)), 1);
                if (top.scoreDocs.length == 0) {
                    return Optional.empty();
                }
                return Optional.of(searcher.storedFields().document(top.scoreDocs[0].doc, Set.of(ID)).get(ID));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the catalog index", e);
        }
    }

    private static List<Hit> search(IndexSearcher searcher, Query query, int limit) throws IOException {
        TopDocs top = searcher.search(query, Math.max(1, limit));
        List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc doc : top.scoreDocs) {
            hits.add(new Hit(searcher.storedFields().document(doc.doc, Set.of(ID)).get(ID), doc.score));
        }
        return List.copyOf(hits);
    }

    private static Document document(Title title) {
        Document doc = new Document();
        doc.add(new StringField(ID, title.id(), Field.Store.YES));
        doc.add(new StringField(KEY, title.key(), Field.Store.NO));
        doc.add(new TextField(TITLE, title.title(), Field.Store.NO));
        doc.add(new StringField(EXACT, exact(title.title()), Field.Store.NO));
        String own = ownTitle(title.title());
        if (own != null) {
            doc.add(new StringField(EXACT, exact(own), Field.Store.NO));
        }
        addText(doc, OTHER, title.otherTitleInfo(), title.series());
        addText(doc, AUTHOR, String.join(" ; ", title.authors()));
        addText(doc, STATEMENT, title.statement());
        List<String> extra = new ArrayList<>(title.subjects());
        extra.add(title.publisher());
        extra.addAll(title.isbns());
        addText(doc, EXTRA, extra.toArray(String[]::new));
        int held = title.heldCopies();
        if (held > 0) {
            doc.add(new FeatureField(FEATURES, "held", held));
        }
        int free = title.freeCopies();
        if (free > 0) {
            doc.add(new FeatureField(FEATURES, "free", free));
        }
        return doc;
    }

    /** A whole title as one term; Lucene refuses terms over 32 KB, and no reader types a title that long. */
    static String exact(String title) {
        String normalized = ReaderQuery.normalized(title);
        return normalized.length() <= ReaderQuery.MAX_CHARS ? normalized : normalized.substring(0, ReaderQuery.MAX_CHARS);
    }

    /** A volume's own name after its set's ("Собрание сочинений. Т. 1. Левиафан" → "Левиафан"). */
    private static String ownTitle(String title) {
        int dot = title.lastIndexOf(". ");
        return dot < 0 ? null : title.substring(dot + 2);
    }

    private static void addText(Document doc, String field, String... values) {
        StringBuilder text = new StringBuilder();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                text.append(text.isEmpty() ? "" : " ; ").append(v);
            }
        }
        if (!text.isEmpty()) {
            doc.add(new TextField(field, text.toString(), Field.Store.NO));
        }
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
