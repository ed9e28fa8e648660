package ru.librarybot.catalog;

/** The library's catalog server did not answer or answered with an error; the reader is told so plainly. */
public class CatalogUnavailableException extends RuntimeException {

    public CatalogUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
