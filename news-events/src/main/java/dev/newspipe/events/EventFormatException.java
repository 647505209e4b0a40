package dev.newspipe.events;

import org.apache.kafka.common.errors.SerializationException;

/** A record value that is not a well-formed event of the expected type. */
public class EventFormatException extends SerializationException {

    public EventFormatException(String message) {
        super(message);
    }

    public EventFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
