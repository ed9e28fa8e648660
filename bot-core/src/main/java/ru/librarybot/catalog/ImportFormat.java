package ru.librarybot.catalog;

import java.util.Locale;

/** The file formats a library's system exports and the catalog imports. */
public enum ImportFormat {
    MARCXML, ISO2709, CSV;

    /** Accepts the names librarians meet in their systems' export dialogs. */
    public static ImportFormat parse(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "marcxml", "xml", "marc-xml" -> MARCXML;
            case "iso2709", "iso", "mrc", "marc", "marc21", "rusmarc", "iso-2709" -> ISO2709;
            case "csv" -> CSV;
            default -> throw new IllegalArgumentException(
                    "Unknown catalog format '" + name + "': use marcxml, iso2709 or csv");
        };
    }

    /** "export.mrc", "catalog.xml.gz", "titles.csv": the format a file's name says it is in. */
    public static ImportFormat ofFileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".xml")) {
            return MARCXML;
        }
        if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")) {
            return CSV;
        }
        if (name.endsWith(".iso") || name.endsWith(".mrc") || name.endsWith(".marc") || name.endsWith(".dat")) {
            return ISO2709;
        }
        throw new IllegalArgumentException("Cannot tell the format of '" + fileName
                + "' from its name: say format=marcxml, iso2709 or csv");
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
