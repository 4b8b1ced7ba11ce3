package org.careloop.platform.inbox;

/**
 * A message that can never be applied (malformed, invalid, unknown type). It goes to the dead-letter topic at once,
 * without retries.
 */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String message) {
        super(message);
    }

    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
