package ru.librarybot.catalog;

import java.io.Reader;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * Words of titles and names as readers type them: case and ё folded, Russian and English endings stemmed (each
 * stemmer leaves the other alphabet alone), the smallest function words dropped.
 */
final class CatalogAnalyzer extends Analyzer {

    static final CharArraySet STOP_WORDS = new CharArraySet(List.of(
            "и", "в", "во", "на", "с", "со", "к", "ко", "по", "о", "об", "обо", "а", "у", "из", "за", "от", "до", "для",
            "про", "the", "a", "an", "of", "and", "in", "on", "to", "for"), false);
    private static final NormalizeCharMap YO = yo();

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new MappingCharFilter(YO, reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        tokenizer.setMaxTokenLength(64);
        TokenStream stream = new LowerCaseFilter(tokenizer);
        stream = new StopFilter(stream, STOP_WORDS);
        stream = new SnowballFilter(stream, new RussianStemmer());
        stream = new SurnameFilter(stream);
        stream = new SnowballFilter(stream, new EnglishStemmer());
        return new TokenStreamComponents((Tokenizer) tokenizer, stream);
    }

    @Override
    protected Reader initReaderForNormalization(String fieldName, Reader reader) {
        return new MappingCharFilter(YO, reader);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }

    private static NormalizeCharMap yo() {
        NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
        builder.add("ё", "е");
        builder.add("Ё", "Е");
        return builder.build();
    }
}
