package ru.librarybot.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class TypoAutomataTest {

    private static final List<String> TITLES = List.of("мастер маргарита", "мастера спорта", "маргарин и масло",
            "мастерская слова", "мечтатели", "мастер", "маргаритки", "пастер и микробы", "мостер", "мaстер");

    @Test
    void aWordSearchedAgainWithTyposFindsWhatLucenesOwnFuzzyQueryFinds() throws IOException {
        TypoAutomata typos = new TypoAutomata();
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
                // two segments, so the remembered automata also serve the second segment of one search
                for (int i = 0; i < TITLES.size(); i++) {
                    Document doc = new Document();
                    doc.add(new StringField("id", "t" + i, Field.Store.YES));
                    doc.add(new TextField("title", TITLES.get(i), Field.Store.NO));
                    doc.add(new TextField("author", i % 2 == 0 ? "маргарита" : "мастер", Field.Store.NO));
                    writer.addDocument(doc);
                    if (i == TITLES.size() / 2) {
                        writer.commit();
                    }
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                for (String word : List.of("мастр", "маргарта", "маргаритаа", "мастер")) {
                    int edits = word.length() < 8 ? 1 : 2;
                    for (String field : List.of("title", "author", "title")) {
                        Term term = new Term(field, word);
                        List<String> expected = hits(searcher, new FuzzyQuery(term, edits, edits, 30, true));

                        assertThat(hits(searcher, typos.query(term, edits, edits, 30))).as("%s in %s", word, field)
                                .isEqualTo(expected).isNotEmpty();
                    }
                }
            }
        }
        assertThat(typos.size()).as("one set of automata per word, whatever the field").isEqualTo(4);
    }

    private static List<String> hits(IndexSearcher searcher, Query query) throws IOException {
        List<String> hits = new ArrayList<>();
        for (ScoreDoc doc : searcher.search(query, 20).scoreDocs) {
            hits.add(searcher.storedFields().document(doc.doc).get("id") + "=" + doc.score);
        }
        return hits;
    }
}
