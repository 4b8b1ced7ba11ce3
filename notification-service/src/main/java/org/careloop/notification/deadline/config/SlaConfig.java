package org.careloop.notification.deadline.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Service-level agreements the notification service enforces on referral owners. */
@ConfigMapping(prefix = "careloop.sla")
public interface SlaConfig {

    /** Time the owner organization has to accept or reject a requested referral (most agencies: 2 business days). */
    @WithDefault("PT48H")
    Duration acknowledgeWithin();
}
