package org.careloop.notification.email.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The e-mail channel: languages, defaults of new settings, links and limits (SMTP itself: {@code quarkus.mailer}). */
@ConfigMapping(prefix = "careloop.email")
public interface EmailConfig {

    /** Languages that have templates: the only ones settings may choose. */
    @WithDefault("en,es")
    List<String> languages();

    /** Language of settings that name none, and of the template used when one is missing in a language. */
    @WithDefault("en")
    String defaultLanguage();

    /** Notice types of settings that name none: what a community organization needs to act on. */
    @WithDefault("referral.requested,referral.reminder,referral.recalled")
    List<String> defaultTypes();

    /**
     * Where an organization changes its e-mail settings, shown in every e-mail's footer; {@code {organizationId}} is
     * replaced. Default: this service's settings endpoint under {@code careloop.http.public-base-url}.
     */
    Optional<String> settingsUrl();

    /** Longest wait for the SMTP server to take one message; longer is a failed attempt. */
    @WithDefault("30s")
    Duration sendTimeout();

    /** Domain of the Message-ID of every e-mail (the id names the delivery, so a retry is recognisable). */
    @WithDefault("careloop.local")
    String messageIdDomain();
}
