package org.filmreviews.events;

/** A record that is not a valid event of its type: unreadable JSON or a payload its schema rejects. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
