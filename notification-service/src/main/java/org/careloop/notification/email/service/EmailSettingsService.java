package org.careloop.notification.email.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.careloop.notification.common.Problems;
import org.careloop.notification.email.EmailRules;
import org.careloop.notification.email.EmailSettings;
import org.careloop.notification.email.config.EmailConfig;
import org.careloop.notification.email.repository.EmailSettingsRepository;
import org.careloop.notification.organization.service.OrganizationService;
import org.careloop.platform.problem.ProblemException;

/**
 * Organizations' e-mail settings. Any organization id of the directory's shape may have settings, known to this
 * service or not: clinics request referrals but publish no services, so the replica of services does not list them.
 */
@ApplicationScoped
public class EmailSettingsService {

    /** HSDS organization ids as CareLoop writes them (directory-service {@code ImportBundle.ID_PATTERN}). */
    public static final String ORGANIZATION_ID_PATTERN = "[a-z0-9-]{1,64}";

    public static final String ORGANIZATION_ID_MESSAGE = "must be 1 to 64 characters among a-z, 0-9 and -";

    private static final String WHAT = "E-mail settings of organization";

    private final EmailSettingsRepository settings;
    private final EmailRules.Choices choices;

    public EmailSettingsService(EmailSettingsRepository settings, EmailConfig config) {
        this.settings = settings;
        this.choices = new EmailRules.Choices(config.languages(), config.defaultLanguage(), config.defaultTypes());
    }

    /** The organization's settings; 404 naming {@code organizationId} when it has none. */
    @WithSession
    public Uni<EmailSettings> get(String organizationId) {
        return settings.findById(organizationId).invoke(found -> {
            if (found == null) {
                throw ProblemException.notFound(OrganizationService.ORGANIZATION_ID, WHAT, organizationId);
            }
        });
    }

    /** Replaces the organization's settings; a 400 naming each field at fault writes nothing. */
    @WithTransaction
    public Uni<EmailSettings> put(String organizationId, EmailRules.Draft draft, String by) {
        EmailRules.Result result = EmailRules.validate(draft, choices);
        if (!result.valid()) {
            return Uni.createFrom().failure(Problems.invalid(result.errors()));
        }
        EmailRules.Settings valid = result.settings();
        Instant now = Instant.now();
        return settings.upsert(organizationId, valid, now, by)
                .invoke(() -> Log.infof("E-mail settings of organization %s set by %s: %s", organizationId, by, valid))
                .replaceWith(() -> entity(organizationId, valid, now, by));
    }

    /** Removes the organization's settings: it gets no more e-mail. 204 also when it had none. */
    @WithTransaction
    public Uni<Void> delete(String organizationId, String by) {
        return settings.deleteById(organizationId)
                .invoke(deleted -> {
                    if (deleted) {
                        Log.infof("E-mail settings of organization %s removed by %s", organizationId, by);
                    }
                })
                .replaceWithVoid();
    }

    private static EmailSettings entity(String organizationId, EmailRules.Settings s, Instant at, String by) {
        EmailSettings e = new EmailSettings();
        e.organizationId = organizationId;
        e.address = s.address();
        e.enabled = s.enabled();
        e.language = s.language();
        e.types = String.join(",", s.types());
        e.updatedAt = at;
        e.updatedBy = by;
        return e;
    }
}
