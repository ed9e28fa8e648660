package ru.librarybot.catalog;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.NoSuchElementException;

import org.marc4j.MarcPermissiveStreamReader;
import org.marc4j.MarcReader;
import org.marc4j.marc.Record;

/**
 * ISO 2709 records, split at the record terminator before marc4j parses each one, so a record with a wrong length
 * or a broken directory costs only itself: the next record starts after the next terminator.
 */
final class Iso2709Source implements TitleSource {

    private static final int RECORD_TERMINATOR = 0x1D;
    /** ISO 2709 lengths have five digits; anything longer without a terminator is not a record. */
    private static final int MAX_RECORD = 99_999;

    private final InputStream in;
    private final Charset encoding;
    private final MarcTitles titles;
    private int number;
    private byte[] pending;
    private boolean oversized;
    private boolean ended;

    Iso2709Source(InputStream in, Charset encoding, MarcTitles titles) {
        this.in = new BufferedInputStream(in, 1 << 16);
        this.encoding = encoding;
        this.titles = titles;
    }

    @Override
    public boolean hasNext() {
        if (pending == null && !ended) {
            pending = readRecordBytes();
        }
        return pending != null;
    }

    @Override
    public SourceItem next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        byte[] bytes = pending;
        pending = null;
        number++;
        if (oversized) {
            oversized = false;
            return new SourceItem.Rejected(number, null,
                    "unreadable record: no record terminator within " + MAX_RECORD + " bytes");
        }
        boolean terminated = bytes[bytes.length - 1] == RECORD_TERMINATOR;
        Record marc;
        try {
            Charset charset = encoding != null ? encoding : Encodings.guess(bytes, bytes.length);
            MarcReader reader = new MarcPermissiveStreamReader(new ByteArrayInputStream(bytes), true, true,
                    charset.name());
            if (!reader.hasNext()) {
                return new SourceItem.Rejected(number, null, "unreadable record: empty");
            }
            marc = reader.next();
        } catch (RuntimeException e) {
            String reason = terminated ? "unreadable record: " + e.getMessage()
                    : "truncated record at the end of the file: " + e.getMessage();
            return new SourceItem.Rejected(number, null, reason);
        }
        String id = MarcTitles.idOf(marc);
        if (!terminated) {
            return new SourceItem.Rejected(number, id, "truncated record at the end of the file");
        }
        try {
            return new SourceItem.Found(number, titles.toTitle(marc));
        } catch (MarcTitles.Rejected e) {
            return new SourceItem.Rejected(number, id, e.getMessage());
        }
    }

    /** The next record's bytes up to and including its terminator, or the unterminated tail, or null at the end. */
    private byte[] readRecordBytes() {
        try {
            ByteArrayOutputStream record = new ByteArrayOutputStream(4096);
            int b;
            while ((b = in.read()) != -1) {
                if (record.size() == 0 && (b == '\n' || b == '\r' || b == ' ' || b == 0 || b == 0x1A)) {
                    continue; // line breaks some systems put between records, DOS end-of-file marks
                }
                record.write(b);
                if (b == RECORD_TERMINATOR) {
                    return record.toByteArray();
                }
                if (record.size() > MAX_RECORD) {
                    oversized = true;
                    skipToTerminator();
                    return record.toByteArray();
                }
            }
            ended = true;
            return record.size() == 0 ? null : record.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void skipToTerminator() throws IOException {
        int b;
        while ((b = in.read()) != -1 && b != RECORD_TERMINATOR) {
            // the rest of a run-away record
        }
        if (b == -1) {
            ended = true;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
