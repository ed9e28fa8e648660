package ru.librarybot.catalog;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.marc4j.marc.Record;

/**
 * MARCXML records, cut out of the file one {@code record} element at a time and parsed separately, so a record
 * that is not well-formed XML is reported and the records after it are still read.
 */
final class MarcXmlSource implements TitleSource {

    private static final Pattern START = Pattern.compile("<(?:[A-Za-z_][\\w.-]*:)?record(?=[\\s>/])");
    private static final Pattern END = Pattern.compile("</(?:[A-Za-z_][\\w.-]*:)?record\\s*>");
    private static final Pattern CONTROL_NUMBER = Pattern.compile("tag=[\"']001[\"'][^>]*>\\s*([^<\\s][^<]*)<");
    private static final Pattern DECLARED_ENCODING = Pattern.compile("encoding=[\"']([A-Za-z0-9._-]+)[\"']");
    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private final Reader reader;
    private final MarcTitles titles;
    private final StringBuilder buffer = new StringBuilder(1 << 16);
    private final char[] chars = new char[1 << 16];
    private boolean eof;
    private int number;
    private Chunk pending;

    private record Chunk(String xml, String problem) {
    }

    MarcXmlSource(InputStream in, Charset encoding, MarcTitles titles) {
        BufferedInputStream bytes = new BufferedInputStream(in, 1 << 16);
        Charset charset = encoding != null ? encoding : declaredEncoding(bytes);
        this.reader = new InputStreamReader(bytes, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        this.titles = titles;
    }

    @Override
    public boolean hasNext() {
        if (pending == null) {
            pending = nextChunk();
        }
        return pending != null;
    }

    @Override
    public SourceItem next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Chunk chunk = pending;
        pending = null;
        number++;
        String id = controlNumber(chunk.xml());
        if (chunk.problem() != null) {
            return new SourceItem.Rejected(number, id, chunk.problem());
        }
        Record marc;
        try {
            XMLStreamReader xml = XML.createXMLStreamReader(new StringReader(chunk.xml()));
            try {
                xml.nextTag();
                marc = MarcXml.read(xml);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            return new SourceItem.Rejected(number, id, "not well-formed XML: " + firstLine(e.getMessage()));
        } catch (MarcXml.Malformed e) {
            return new SourceItem.Rejected(number, id, "not a MARCXML record: " + e.getMessage());
        }
        try {
            return new SourceItem.Found(number, titles.toTitle(marc));
        } catch (MarcTitles.Rejected e) {
            return new SourceItem.Rejected(number, MarcTitles.idOf(marc), e.getMessage());
        }
    }

    private Chunk nextChunk() {
        while (true) {
            Matcher start = START.matcher(buffer);
            if (!start.find()) {
                if (eof) {
                    buffer.setLength(0);
                    return null;
                }
                // keep a tail in case a start tag is split between reads
                buffer.delete(0, Math.max(0, buffer.length() - 64));
                fill();
                continue;
            }
            Matcher nextStart = START.matcher(buffer);
            nextStart.region(start.end(), buffer.length());
            Matcher end = END.matcher(buffer);
            end.region(start.end(), buffer.length());
            boolean ended = end.find();
            if (nextStart.find() && (!ended || nextStart.start() < end.start())) {
                String xml = buffer.substring(start.start(), nextStart.start());
                buffer.delete(0, nextStart.start());
                return new Chunk(xml, "not well-formed XML: the record is not closed before the next record starts");
            }
            if (ended) {
                String xml = buffer.substring(start.start(), end.end());
                buffer.delete(0, end.end());
                return new Chunk(xml, null);
            }
            if (eof) {
                String xml = buffer.substring(start.start());
                buffer.setLength(0);
                return new Chunk(xml, "truncated record at the end of the file");
            }
            fill();
        }
    }

    private void fill() {
        try {
            int n = reader.read(chars);
            if (n < 0) {
                eof = true;
            } else {
                buffer.append(chars, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Charset declaredEncoding(BufferedInputStream in) {
        try {
            in.mark(512);
            byte[] head = in.readNBytes(512);
            in.reset();
            String prolog = new String(head, StandardCharsets.ISO_8859_1);
            int end = prolog.indexOf("?>");
            Matcher m = DECLARED_ENCODING.matcher(end < 0 ? "" : prolog.substring(0, end));
            if (m.find()) {
                Charset declared = Encodings.named(m.group(1));
                if (declared != null) {
                    return declared;
                }
            }
            return StandardCharsets.UTF_8;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static String controlNumber(String xml) {
        Matcher m = CONTROL_NUMBER.matcher(xml);
        return m.find() ? m.group(1).strip() : null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String oneLine = message.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
