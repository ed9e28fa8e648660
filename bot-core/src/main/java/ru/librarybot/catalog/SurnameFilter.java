package ru.librarybot.catalog;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * The Russian stemmer cuts "-ов" from "Чехов" but only "-а" from "Чехова", so a reader asking for "Чехова" would
 * miss Chekhov; cutting a final "ов"/"ев" from every longer stem brings both to "чех".
 */
final class SurnameFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    SurnameFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        int length = term.length();
        if (!keyword.isKeyword() && length >= 5) {
            char last = term.charAt(length - 1);
            char before = term.charAt(length - 2);
            if (last == 'в' && (before == 'о' || before == 'е')) {
                term.setLength(length - 2);
            }
        }
        return true;
    }
}
