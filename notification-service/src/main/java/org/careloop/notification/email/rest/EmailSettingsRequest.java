package org.careloop.notification.email.rest;

import java.util.List;
import org.careloop.notification.email.EmailRules;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * E-mail settings to store; they replace the stored ones.
 *
 * @param address the organization's contact address, a bare addr-spec without display name (required)
 * @param enabled the opt-in: e-mail is sent only when true (default false)
 * @param language language of the e-mails, one with templates (default {@code en})
 * @param types notice types to send (default referral.requested, referral.reminder, referral.recalled)
 */
@Schema(name = "EmailSettingsRequest", description = "Where and which notices an organization gets by e-mail")
public record EmailSettingsRequest(
        @Schema(examples = "referrals@foodbank.example.org", maxLength = 254, required = true)
        String address,

        @Schema(examples = "true", defaultValue = "false") Boolean enabled,
        @Schema(examples = "en", defaultValue = "en") String language,

        @Schema(examples = "[\"referral.requested\", \"referral.reminder\"]")
        List<String> types) {

    EmailRules.Draft draft() {
        return new EmailRules.Draft(address, enabled, language, types);
    }
}
