package ru.librarybot.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import static ru.librarybot.catalog.CatalogIndex.AUTHOR;
import static ru.librarybot.catalog.CatalogIndex.EXACT;
import static ru.librarybot.catalog.CatalogIndex.EXTRA;
import static ru.librarybot.catalog.CatalogIndex.FEATURES;
import static ru.librarybot.catalog.CatalogIndex.MAX_TERMS;
import static ru.librarybot.catalog.CatalogIndex.OTHER;
import static ru.librarybot.catalog.CatalogIndex.STATEMENT;
import static ru.librarybot.catalog.CatalogIndex.TITLE;

/**
 * The index query for what a reader typed, built word by word from the analyzed words, never parsed, so no text
 * is a syntax error. Most words must match, each in the title or the authors, exactly or with a typo; the exact
 * title, the words as a phrase and titles with copies rank first.
 */
final class TitleQuery {

    private static final int FUZZY_EXPANSIONS = 30;

    private final String words;
    private final List<QueryWord> query;
    private final int required;
    private final TypoAutomata typos;

    /**
     * One word of the query as index terms.
     *
     * @param twins the same word written another way ("12" for "двенадцать")
     * @param optional a word that says what kind of book ("пьеса", "учебник"), matched only to rank
     */
    private record QueryWord(String term, List<String> twins, boolean optional) {
    }

    private TitleQuery(String words, List<QueryWord> query, TypoAutomata typos) {
        this.words = words;
        this.query = query;
        this.typos = typos;
        this.required = (int) query.stream().filter(w -> !w.optional()).count();
    }

    static TitleQuery of(String readerText, Analyzer analyzer, TypoAutomata typos) {
        String words = ReaderQuery.strip(readerText);
        List<QueryWord> query = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (String word : words.split(" ")) {
            for (String term : terms(word, analyzer)) {
                if (seen.contains(term) || query.size() == MAX_TERMS) {
                    continue;
                }
                seen.add(term);
                String twin = ReaderQuery.numberTwin(word);
                query.add(new QueryWord(term, twin == null ? List.of() : terms(twin, analyzer),
                        ReaderQuery.isKindOfBook(word)));
            }
        }
        return new TitleQuery(words, query, typos);
    }

    /** Nothing that names a book is left once filler words are dropped. */
    boolean isEmpty() {
        return required == 0;
    }

    /** All words of one or two, else all but one in four, must match, each as typed (up to its ending). */
    Query strictAsTyped() {
        return build(required - required / 4, false);
    }

    /** As {@link #strictAsTyped()}, a word also matching with a typo or two. */
    Query strict() {
        return build(required - required / 4, true);
    }

    boolean canRelax() {
        return required > 2;
    }

    /** Half the words must match. */
    Query relaxed() {
        return build((required + 1) / 2, true);
    }

    private Query build(int minimumMatch, boolean withTypos) {
        BooleanQuery.Builder matching = new BooleanQuery.Builder();
        List<Query> optional = new ArrayList<>();
        for (int i = 0; i < query.size(); i++) {
            QueryWord word = query.get(i);
            Query q = wordQuery(word, i == query.size() - 1, withTypos);
            if (word.optional()) {
                optional.add(q);
            } else {
                matching.add(q, BooleanClause.Occur.SHOULD);
            }
        }
        matching.setMinimumNumberShouldMatch(minimumMatch);
        BooleanQuery.Builder ranked = new BooleanQuery.Builder().add(matching.build(), BooleanClause.Occur.MUST);
        for (Query q : optional) {
            ranked.add(q, BooleanClause.Occur.SHOULD);
        }
        if (query.size() >= 2) {
            PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(2);
            for (QueryWord word : query) {
                phrase.add(new Term(TITLE, word.term()));
            }
            ranked.add(new BoostQuery(phrase.build(), 4f), BooleanClause.Occur.SHOULD);
        }
        ranked.add(new BoostQuery(new TermQuery(new Term(EXACT, CatalogIndex.exact(words))), 8f),
                BooleanClause.Occur.SHOULD);
        ranked.add(FeatureField.newSaturationQuery(FEATURES, "held", 0.5f, 2f), BooleanClause.Occur.SHOULD);
        ranked.add(FeatureField.newSaturationQuery(FEATURES, "free", 0.3f, 1f), BooleanClause.Occur.SHOULD);
        return ranked.build();
    }

    private Query wordQuery(QueryWord word, boolean last, boolean withTypos) {
        List<Query> ways = new ArrayList<>(termWays(word.term(), last, withTypos));
        for (String twin : word.twins()) {
            ways.add(new BoostQuery(new TermQuery(new Term(TITLE, twin)), 3f));
        }
        return new DisjunctionMaxQuery(ways, 0.1f);
    }

    private List<Query> termWays(String term, boolean last, boolean withTypos) {
        List<Query> ways = new ArrayList<>();
        ways.add(new BoostQuery(new TermQuery(new Term(TITLE, term)), 3f));
        ways.add(new BoostQuery(new TermQuery(new Term(AUTHOR, term)), 2.5f));
        ways.add(new BoostQuery(new TermQuery(new Term(STATEMENT, term)), 1f));
        ways.add(new BoostQuery(new TermQuery(new Term(OTHER, term)), 1f));
        ways.add(new BoostQuery(new TermQuery(new Term(EXTRA, term)), 0.3f));
        int edits = !withTypos || term.length() < 3 ? 0 : term.length() < 8 ? 1 : 2;
        if (edits > 0) {
            // typos in the first letters are rare, and a fixed prefix keeps a million-title dictionary walk short;
            // a short stem ("гар" of "гари") keeps two letters fixed so one typo does not match every short word
            int prefix = term.length() < 4 ? 2 : edits;
            ways.add(new BoostQuery(typos.query(new Term(TITLE, term), edits, prefix, FUZZY_EXPANSIONS), 1.5f));
            ways.add(new BoostQuery(typos.query(new Term(AUTHOR, term), edits, prefix, FUZZY_EXPANSIONS), 1.2f));
        }
        if (last && term.length() >= 3) {
            // a half-typed last word: only its most common completions, however many there are
            ways.add(new BoostQuery(new PrefixQuery(new Term(TITLE, term),
                    new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(FUZZY_EXPANSIONS)), 1f));
        }
        return ways;
    }

    private static List<String> terms(String text, Analyzer analyzer) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(TITLE, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
