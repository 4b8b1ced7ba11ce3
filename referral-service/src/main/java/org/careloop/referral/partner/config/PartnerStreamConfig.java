package org.careloop.referral.partner.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Pattern;

/** The integrators' stream: sanitized referral changes on each organization's own topic. */
@ConfigMapping(prefix = "careloop.referral.partner")
public interface PartnerStreamConfig {

    /** Whether referral changes are published to the organizations' partner topics. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Prefix of the partner topics ({@code <prefix><organization-id>.referrals}); the outbox relay creates topics under
     * it ({@code careloop.outbox.created-topics.prefixes} must include it), and the broker's ACLs grant the service
     * CREATE, WRITE and DESCRIBE on it.
     */
    @WithDefault("partner.")
    @Pattern(regexp = "[a-zA-Z0-9._-]{1,100}")
    String topicPrefix();
}
