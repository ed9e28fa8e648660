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

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
