package org.careloop.notification.email.rest;

import java.time.Instant;
import java.util.List;
import org.careloop.notification.email.EmailSettings;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An organization's e-mail settings as the API shows them.
 *
 * @param organizationId the organization
 * @param address where its e-mails go
 * @param enabled whether it opted in
 * @param language language of its e-mails
 * @param types notice types it gets
 * @param updatedAt when they were stored
 * @param updatedBy who stored them
 */
@Schema(name = "EmailSettings", description = "Where and which notices an organization gets by e-mail")
public record EmailSettingsView(
        String organizationId,
        String address,
        boolean enabled,
        String language,
        List<String> types,
        Instant updatedAt,
        String updatedBy) {

    public static EmailSettingsView of(EmailSettings s) {
        return new EmailSettingsView(
                s.organizationId, s.address, s.enabled, s.language, s.typeList(), s.updatedAt, s.updatedBy);
    }
}
