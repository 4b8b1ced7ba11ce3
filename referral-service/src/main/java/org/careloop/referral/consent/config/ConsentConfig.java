package org.careloop.referral.consent.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** How the replica of consent decisions is kept ({@code careloop.referral.consent.*}). */
@ConfigMapping(prefix = "careloop.referral.consent")
public interface ConsentConfig {

    /**
     * How often decisions whose period ended are enforced when no consent-changed said so: the person's open
     * referrals are cancelled (consent-expired).
     */
    @WithDefault("30s")
    Duration expiryInterval();

    /** How many ended decisions one round enforces. */
    @WithDefault("100")
    @Min(1)
    @Max(10000)
    int expiryBatchSize();
}
