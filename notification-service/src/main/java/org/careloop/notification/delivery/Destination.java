package org.careloop.notification.delivery;

/**
 * Where one delivery goes.
 *
 * @param channel the channel's name
 * @param target the channel's address of the recipient: a webhook subscription's id, an e-mail address
 * @param organizationId the organization the recipient belongs to
 * @param language the recipient's language (BCP 47, e.g. {@code en}, {@code es}) for channels that render text
 */
public record Destination(String channel, String target, String organizationId, String language) {}
