package org.careloop.notification.delivery;

/**
 * The result of one delivery attempt.
 *
 * @param delivered whether the recipient took it (a webhook answered 2xx, the SMTP server accepted the message)
 * @param responseStatus the HTTP status or SMTP reply code, when there was one
 * @param latencyMillis how long the attempt took
 * @param error why it failed, short and without personal data; null when delivered
 * @param retryable whether trying again can help (false e.g. for a webhook answering 410 Gone)
 */
public record Attempt(boolean delivered, Integer responseStatus, long latencyMillis, String error, boolean retryable) {

    public static Attempt ok(Integer status, long latencyMillis) {
        return new Attempt(true, status, latencyMillis, null, false);
    }

    public static Attempt failed(Integer status, long latencyMillis, String error) {
        return new Attempt(false, status, latencyMillis, error, true);
    }
}
