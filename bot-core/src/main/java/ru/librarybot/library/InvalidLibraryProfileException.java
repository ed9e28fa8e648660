package ru.librarybot.library;

/** The library profile cannot be read; the message names the file and the field to fix. */
public class InvalidLibraryProfileException extends RuntimeException {

    InvalidLibraryProfileException(String message, Throwable cause) {
        super(message, cause);
    }
}
