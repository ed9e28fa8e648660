package ru.librarybot.catalog;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;

/**
 * Builds a marc4j record from one MARCXML {@code record} element. Works on namespace-aware and -unaware readers
 * alike, so the same code reads import files (whatever prefix they use) and SRU responses.
 */
final class MarcXml {

    static final String NAMESPACE = "http://www.loc.gov/MARC21/slim";
    private static final String DEFAULT_LEADER = "00000nam  2200000   4500";
    private static final MarcFactory FACTORY = MarcFactory.newInstance();

    /** A record element that is XML but not MARCXML. */
    static final class Malformed extends Exception {
        Malformed(String reason) {
            super(reason, null, false, false);
        }
    }

    private MarcXml() {
    }

    /**
     * Reads from the reader positioned on the record's start tag to its end tag.
     */
    static Record read(XMLStreamReader xml) throws XMLStreamException, Malformed {
        Record record = FACTORY.newRecord(DEFAULT_LEADER);
        DataField field = null;
        int depth = 0;
        while (true) {
            int event = xml.getEventType();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                switch (localName(xml)) {
                    case "leader" -> {
                        String leader = xml.getElementText();
                        depth--;
                        if (leader.length() == 24) {
                            record.setLeader(FACTORY.newLeader(leader));
                        }
                    }
                    case "controlfield" -> {
                        String tag = tag(xml);
                        record.addVariableField(FACTORY.newControlField(tag, xml.getElementText()));
                        depth--;
                    }
                    case "datafield" -> {
                        String tag = tag(xml);
                        field = FACTORY.newDataField(tag, indicator(xml, "ind1"), indicator(xml, "ind2"));
                        record.addVariableField(field);
                    }
                    case "subfield" -> {
                        if (field == null) {
                            throw new Malformed("a subfield outside any datafield");
                        }
                        String code = xml.getAttributeValue(null, "code");
                        if (code == null || code.length() != 1) {
                            throw new Malformed("field " + field.getTag() + " has a subfield whose code is not one "
                                    + "character: " + (code == null ? "none" : "'" + code + "'"));
                        }
                        field.addSubfield(FACTORY.newSubfield(code.charAt(0), xml.getElementText()));
                        depth--;
                    }
                    default -> {
                        // the record element itself, or elements MARCXML does not define
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (localName(xml).equals("datafield")) {
                    field = null;
                }
                if (depth == 0) {
                    return record;
                }
            }
            if (!xml.hasNext()) {
                throw new Malformed("the record element is not closed");
            }
            xml.next();
        }
    }

    static String localName(XMLStreamReader xml) {
        String name = xml.getLocalName();
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(colon + 1);
    }

    private static String tag(XMLStreamReader xml) throws Malformed {
        String tag = xml.getAttributeValue(null, "tag");
        if (tag == null || tag.strip().length() != 3) {
            throw new Malformed("a field without a three-character tag: " + (tag == null ? "no tag" : "'" + tag + "'"));
        }
        return tag.strip();
    }

    private static char indicator(XMLStreamReader xml, String name) {
        String value = xml.getAttributeValue(null, name);
        return value == null || value.isEmpty() ? ' ' : value.charAt(0);
    }
}
