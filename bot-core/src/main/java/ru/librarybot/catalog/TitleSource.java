package ru.librarybot.catalog;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Iterator;

/**
 * The records of one import file, read one at a time so a file of a million records needs little memory, and
 * isolated from each other so a broken record is reported and the next one is read.
 */
sealed interface TitleSource extends Iterator<SourceItem>, Closeable permits MarcXmlSource, Iso2709Source, CsvSource {

    /**
     * @param encoding the file's encoding, or {@code null} to detect it (UTF-8, else windows-1251)
     */
    static TitleSource open(ImportFormat format, InputStream in, Charset encoding, BranchMapping branches,
                            java.time.LocalDate today) {
        return switch (format) {
            case MARCXML -> new MarcXmlSource(in, encoding, new MarcTitles(branches));
            case ISO2709 -> new Iso2709Source(in, encoding, new MarcTitles(branches));
            case CSV -> new CsvSource(in, encoding, branches, today);
        };
    }

    @Override
    void close() throws IOException;
}
