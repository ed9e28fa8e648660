package ru.librarybot.circulation;

/** The circulation system cannot be reached or answered nonsense; the reader is asked to try later. */
public class CirculationUnavailable extends RuntimeException {

    public CirculationUnavailable(String message) {
        super(message);
    }

    public CirculationUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
