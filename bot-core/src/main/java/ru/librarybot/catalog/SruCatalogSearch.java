package ru.librarybot.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.marc4j.marc.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Searches the library's own SRU server (Koha's and IRBIS's Z39.50/SRU gateways, Zebra) live, reading MARCXML
 * records with their holdings, so copy states are as current as the library system's.
 */
public final class SruCatalogSearch implements CatalogSearch {

    private static final Logger log = LoggerFactory.getLogger(SruCatalogSearch.class);
    private static final XMLInputFactory XML = XMLInputFactory.newFactory();
    private static final int REMEMBERED = 1000;

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private final URI base;
    private final HttpClient http;
    private final Duration timeout;
    private final MarcTitles titles;
    /** Titles shown lately, so a button pressed on one finds it without another round trip. */
    private final Map<String, Title> shown = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Title> eldest) {
            return size() > REMEMBERED;
        }
    };

    public SruCatalogSearch(URI base, Duration timeout, BranchMapping branches) {
        this.base = base;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.titles = new MarcTitles(branches);
    }

    @Override
    public List<Title> search(String readerText, int limit) {
        String words = ReaderQuery.strip(readerText);
        if (words.isEmpty()) {
            return List.of();
        }
        URI uri = URI.create(base + (base.toString().contains("?") ? "&" : "?")
                + "version=1.1&operation=searchRetrieve&recordSchema=marcxml&maximumRecords=" + Math.max(1, limit)
                + "&query=" + URLEncoder.encode(cql(words), StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/xml").GET()
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new CatalogUnavailableException("The SRU server answered HTTP " + response.statusCode(), null);
                }
                List<Title> found = read(body);
                synchronized (shown) {
                    found.forEach(title -> shown.put(title.key(), title));
                }
                return found;
            }
        } catch (IOException e) {
            throw new CatalogUnavailableException("The SRU server " + base + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogUnavailableException("Interrupted while asking the SRU server", e);
        }
    }

    @Override
    public Optional<Title> byKey(String key) {
        synchronized (shown) {
            return Optional.ofNullable(shown.get(key));
        }
    }

    @Override
    public boolean tracksReturns() {
        return false;
    }

    /**
     * Every word must occur; words of five letters and more are right-truncated so Russian endings do not matter
     * ("маргариту" finds "Маргарита"). Each word is quoted with CQL's special characters escaped, so nothing a
     * reader types is read as CQL syntax.
     */
    static String cql(String words) {
        StringJoiner query = new StringJoiner(" and ");
        int n = 0;
        for (String word : words.split(" ")) {
            if (word.isEmpty() || n == CatalogIndex.MAX_TERMS) {
                continue;
            }
            n++;
            String stem = word.length() >= 5 ? word.substring(0, word.length() - 2) : word;
            String escaped = stem.replace("\\", "\\\\").replace("\"", "\\\"").replace("*", "\\*")
                    .replace("?", "\\?").replace("^", "\\^");
            query.add("\"" + escaped + (word.length() >= 5 ? "*" : "") + "\"");
        }
        return query.toString();
    }

    private List<Title> read(InputStream body) {
        List<Title> found = new ArrayList<>();
        try {
            XMLStreamReader xml = XML.createXMLStreamReader(body);
            boolean inRecordData = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    if (name.equals("recordData")) {
                        inRecordData = true;
                    } else if (inRecordData && name.equals("record")) {
                        add(found, xml);
                    } else if (name.equals("diagnostic")) {
                        throw new CatalogUnavailableException("The SRU server refused the search: "
                                + diagnostic(xml), null);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("recordData")) {
                    inRecordData = false;
                }
            }
        } catch (XMLStreamException e) {
            throw new CatalogUnavailableException("The SRU server's answer is not XML: " + e.getMessage(), e);
        }
        return found;
    }

    private void add(List<Title> found, XMLStreamReader xml) throws XMLStreamException {
        try {
            Record marc = MarcXml.read(xml);
            found.add(titles.toTitle(marc));
        } catch (MarcXml.Malformed | MarcTitles.Rejected e) {
            log.warn("Skipped a record from the SRU server: {}", e.getMessage());
        }
    }

    private static String diagnostic(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.CHARACTERS && !xml.isWhiteSpace()) {
                text.append(text.isEmpty() ? "" : " ").append(xml.getText().strip());
            }
        }
        return text.toString();
    }
}
