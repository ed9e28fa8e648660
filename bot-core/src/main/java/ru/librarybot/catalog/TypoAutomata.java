package ru.librarybot.catalog;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.util.AttributeImpl;
import org.apache.lucene.util.AttributeSource;

/**
 * Typo-tolerant word queries whose Levenshtein automata are built once per word and kept. Building them was most of
 * a catalog search's work, and readers ask for the same words again and again ("мастер", "гарри", "война"); the
 * automata depend on the word alone, so a title word and an author word share them, and an import changes nothing.
 */
final class TypoAutomata {

    /** What the kept automata may take of the heap: a two-edit Cyrillic word's take 150-250 KB. */
    static final long BUDGET_BYTES = 24L << 20;

    private final Map<Word, AttributeImpl> built = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();

    FuzzyQuery query(Term term, int edits, int prefix, int expansions) {
        return new RememberingFuzzyQuery(term, edits, prefix, expansions);
    }

    int size() {
        return built.size();
    }

    private record Word(String text, int edits, int prefix) {

        /** Measured for Cyrillic words with Lucene's own accounting: about 4 KB a letter for one edit, 20 for two. */
        long estimatedBytes() {
            return text.length() * (edits == 1 ? 4_096L : 20_480L);
        }
    }

    private final class RememberingFuzzyQuery extends FuzzyQuery {

        RememberingFuzzyQuery(Term term, int edits, int prefix, int expansions) {
            super(term, edits, prefix, expansions, true);
        }

        @Override
        protected TermsEnum getTermsEnum(Terms terms, AttributeSource atts) throws IOException {
            Word word = new Word(getTerm().text(), getMaxEdits(), getPrefixLength());
            AttributeImpl automata = built.get(word);
            if (automata != null) {
                // Lucene's fuzzy enum builds automata only when the attributes it is given hold none yet
                atts.addAttributeImpl(automata);
                return super.getTermsEnum(terms, atts);
            }
            TermsEnum found = super.getTermsEnum(terms, atts);
            remember(word, atts);
            return found;
        }
    }

    private void remember(Word word, AttributeSource atts) {
        for (Iterator<AttributeImpl> impls = atts.getAttributeImplsIterator(); impls.hasNext(); ) {
            AttributeImpl impl = impls.next();
            // the automata attribute is Lucene's private class: found by name, and if renamed, nothing is kept
            if (impl.getClass().getName().endsWith("FuzzyTermsEnum$AutomatonAttributeImpl")) {
                if (bytes.addAndGet(word.estimatedBytes()) > BUDGET_BYTES) {
                    // the words asked often are remembered again at once; no bookkeeping on every search
                    built.clear();
                    bytes.set(word.estimatedBytes());
                }
                built.putIfAbsent(word, impl);
                return;
            }
        }
    }
}
