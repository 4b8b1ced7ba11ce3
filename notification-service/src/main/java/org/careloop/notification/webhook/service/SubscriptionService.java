package org.careloop.notification.webhook.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.careloop.notification.common.Problems;
import org.careloop.notification.config.WebhookConfig;
import org.careloop.notification.delivery.NoticeTypes;
import org.careloop.notification.delivery.repository.DeliveryRepository;
import org.careloop.notification.webhook.SubscriptionState;
import org.careloop.notification.webhook.WebhookAlert;
import org.careloop.notification.webhook.WebhookChannel;
import org.careloop.notification.webhook.WebhookSecret;
import org.careloop.notification.webhook.WebhookSignatures;
import org.careloop.notification.webhook.WebhookSubscription;
import org.careloop.notification.webhook.WebhookUrls;
import org.careloop.notification.webhook.repository.AlertRepository;
import org.careloop.notification.webhook.repository.SecretRepository;
import org.careloop.notification.webhook.repository.SubscriptionRepository;
import org.careloop.platform.problem.Problem.FieldError;
import org.careloop.platform.problem.ProblemException;
import org.careloop.platform.rest.Page;
import org.careloop.platform.rest.PageRequest;

/**
 * Webhook subscriptions: created, changed, paused, resumed and deleted by their owner organization (or an operator),
 * their secrets rotated with an overlap; paused by the service when a delivery failed for good.
 *
 * <p>Rules (each fault a 400 naming its field, all at once, nothing written): {@code url} an absolute http(s) URL
 * without credentials or fragment, at most 2,000 characters, https and a public address outside the local profile;
 * {@code types} known notice types, no repeats (all when left out); {@code description} at most 200 characters;
 * {@code contactEmail} one address; at most {@code careloop.webhooks.max-per-organization} subscriptions per
 * organization (409).
 */
@ApplicationScoped
public class SubscriptionService {

    private static final Pattern ORGANIZATION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*");
    private static final int MAX_DESCRIPTION = 200;
    private static final Duration MAX_OVERLAP = Duration.ofDays(7);

    private final SubscriptionRepository subscriptions;
    private final SecretRepository secrets;
    private final DeliveryRepository deliveries;
    private final AlertRepository alerts;
    private final WebhookConfig config;
    private final Vertx vertx;

    public SubscriptionService(
            SubscriptionRepository subscriptions,
            SecretRepository secrets,
            DeliveryRepository deliveries,
            AlertRepository alerts,
            WebhookConfig config,
            Vertx vertx) {
        this.subscriptions = subscriptions;
        this.secrets = secrets;
        this.deliveries = deliveries;
        this.alerts = alerts;
        this.config = config;
        this.vertx = vertx;
    }

    /** A subscription with the secrets that sign for it now, newest first. */
    public record WithSecrets(WebhookSubscription subscription, List<WebhookSecret> secrets) {}

    /** Creates a subscription with a fresh secret. */
    public Uni<WithSecrets> create(SubscriptionDraft draft, String organizationId, String by) {
        List<FieldError> errors = new ArrayList<>();
        if (organizationId == null || !ORGANIZATION_ID.matcher(organizationId).matches()) {
            errors.add(new FieldError("organizationId", "must be an organization id"));
        }
        List<String> types = validate(draft, errors);
        return checked(draft.url(), errors)
                .chain(() -> Panache.withTransaction(
                        () -> subscriptions.countOf(organizationId).chain(count -> {
                            if (count >= config.maxPerOrganization()) {
                                throw ProblemException.conflict(
                                        "subscription-limit",
                                        "organizationId",
                                        "Organization " + organizationId + " has " + count
                                                + " subscriptions, the most allowed");
                            }
                            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                            WebhookSubscription s = new WebhookSubscription();
                            s.id = UUID.randomUUID();
                            s.organizationId = organizationId;
                            s.url = draft.url();
                            s.types = String.join(",", types);
                            s.description = draft.description();
                            s.contactEmail = draft.contactEmail();
                            s.state = SubscriptionState.ACTIVE;
                            s.createdAt = now;
                            s.createdBy = by;
                            s.updatedAt = now;
                            WebhookSecret secret = secret(s.id, now);
                            return subscriptions
                                    .persist(s)
                                    .chain(() -> secrets.persist(secret))
                                    .map(x -> new WithSecrets(s, List.of(secret)));
                        })))
                .invoke(w -> Log.infof(
                        "Webhook subscription %s of organization %s created by %s for %s",
                        w.subscription().id, organizationId, by, w.subscription().types));
    }

    /** Replaces url, types, description and contact of a subscription. */
    public Uni<WebhookSubscription> update(UUID id, SubscriptionDraft draft, String scope, String by) {
        List<FieldError> errors = new ArrayList<>();
        List<String> types = validate(draft, errors);
        return checked(draft.url(), errors)
                .chain(() -> Panache.withTransaction(() -> owned(id, scope).map(s -> {
                    s.url = draft.url();
                    s.types = String.join(",", types);
                    s.description = draft.description();
                    s.contactEmail = draft.contactEmail();
                    s.updatedAt = Instant.now();
                    return s;
                })))
                .invoke(s -> Log.infof("Webhook subscription %s changed by %s", id, by));
    }

    /** A page of subscriptions of an organization ({@code scope} null: all, for operators). */
    @WithSession
    public Uni<Page<WebhookSubscription>> list(String scope, PageRequest page) {
        return subscriptions
                .findPage(scope, page.page, page.size)
                .chain(rows -> subscriptions.countOf(scope).map(total -> Page.of(rows, page, total)));
    }

    @WithSession
    public Uni<WebhookSubscription> get(UUID id, String scope) {
        return owned(id, scope);
    }

    @WithSession
    public Uni<WithSecrets> secrets(UUID id, String scope) {
        return owned(id, scope).chain(s -> secrets.valid(s.id, Instant.now()).map(list -> new WithSecrets(s, list)));
    }

    /**
     * A new current secret; the old one keeps signing beside it for {@code overlap} (default
     * {@code careloop.webhooks.rotation-overlap}, at most 7 days, zero: it stops at once).
     */
    public Uni<WithSecrets> rotate(UUID id, Duration overlap, String scope, String by) {
        Duration keep = overlap == null ? config.rotationOverlap() : overlap;
        if (keep.isNegative() || keep.compareTo(MAX_OVERLAP) > 0) {
            return Uni.createFrom().failure(ProblemException.badRequest("overlap", "must be between PT0S and P7D"));
        }
        return Panache.withTransaction(() -> owned(id, scope).chain(s -> {
                    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    return secrets.valid(s.id, now).chain(current -> {
                        for (WebhookSecret old : current) {
                            Instant end = now.plus(keep);
                            if (old.expiresAt == null || old.expiresAt.isAfter(end)) {
                                old.expiresAt = end;
                            }
                        }
                        WebhookSecret fresh = secret(s.id, now);
                        s.updatedAt = now;
                        return secrets.persist(fresh)
                                .chain(() -> secrets.valid(s.id, now))
                                .map(list -> new WithSecrets(s, list));
                    });
                }))
                .invoke(w -> Log.infof(
                        "Webhook subscription %s: secret rotated by %s, the old one signs for %s more", id, by, keep));
    }

    /** Pauses a subscription: its deliveries wait until it is resumed. */
    public Uni<WebhookSubscription> pause(UUID id, String scope, String by) {
        return Panache.withTransaction(() -> owned(id, scope).chain(s -> hold(s, "paused by " + by)))
                .invoke(s -> Log.infof("Webhook subscription %s paused by %s", id, by));
    }

    /**
     * Resumes a subscription: its queued deliveries go out from where they stopped, in order, and those that had failed
     * for good are tried again from their first attempt.
     */
    public Uni<WebhookSubscription> resume(UUID id, String scope, String by) {
        return Panache.withTransaction(() -> owned(id, scope).chain(s -> {
            Instant now = Instant.now();
            s.state = SubscriptionState.ACTIVE;
            s.pausedAt = null;
            s.pausedReason = null;
            s.updatedAt = now;
            return deliveries
                    .release(WebhookChannel.NAME, s.id.toString())
                    .chain(() -> deliveries.retryFailed(WebhookChannel.NAME, s.id.toString()))
                    .call(() -> deliveries.unpark(WebhookChannel.NAME, s.id.toString(), now))
                    .invoke(n -> Log.infof(
                            "Webhook subscription %s resumed by %s (%d failed deliveries tried again)", id, by, n))
                    .replaceWith(s);
        }));
    }

    /** Deletes a subscription; its undelivered deliveries are cancelled (their records stay). */
    public Uni<Void> delete(UUID id, String scope, String by) {
        return Panache.withTransaction(() -> owned(id, scope).chain(s -> deliveries
                        .cancelOpen(WebhookChannel.NAME, s.id.toString(), "subscription deleted")
                        .chain(() -> deliveries.release(WebhookChannel.NAME, s.id.toString()))
                        .chain(() -> subscriptions.delete(s))))
                .invoke(() -> Log.infof("Webhook subscription %s deleted by %s", id, by));
    }

    /**
     * A delivery to the subscription failed for good: pause it and tell its owner (an alert, sent by the delivery
     * worker). In the caller's transaction.
     */
    public Uni<Void> pauseForFailure(UUID id, String reason) {
        return subscriptions.findById(id).chain(s -> {
            if (s == null || s.state == SubscriptionState.PAUSED) {
                return Uni.createFrom().voidItem();
            }
            Log.warnf("Webhook subscription %s of organization %s paused: %s", s.id, s.organizationId, reason);
            WebhookAlert alert = new WebhookAlert();
            alert.id = UUID.randomUUID();
            alert.subscriptionId = s.id;
            alert.organizationId = s.organizationId;
            alert.reason = reason;
            alert.createdAt = Instant.now();
            return hold(s, reason).chain(() -> alerts.persist(alert)).replaceWithVoid();
        });
    }

    private Uni<WebhookSubscription> hold(WebhookSubscription s, String reason) {
        Instant now = Instant.now();
        s.state = SubscriptionState.PAUSED;
        s.pausedAt = now;
        s.pausedReason = reason.length() > 500 ? reason.substring(0, 500) : reason;
        s.updatedAt = now;
        return deliveries
                .hold(WebhookChannel.NAME, s.id.toString(), s.pausedReason, now)
                .replaceWith(s);
    }

    private Uni<WebhookSubscription> owned(UUID id, String scope) {
        return subscriptions.findById(id).map(s -> {
            if (s == null || (scope != null && !scope.equals(s.organizationId))) {
                throw ProblemException.notFound("id", "Webhook subscription", id);
            }
            return s;
        });
    }

    private List<String> validate(SubscriptionDraft draft, List<FieldError> errors) {
        WebhookUrls.formFault(draft.url(), config.requireHttps()).ifPresent(m -> errors.add(new FieldError("url", m)));
        List<String> types = draft.types() == null ? NoticeTypes.ALL : draft.types();
        if (types.isEmpty()) {
            errors.add(new FieldError("types", "must name at least one type"));
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < types.size(); i++) {
            String type = types.get(i);
            if (!NoticeTypes.isType(type)) {
                errors.add(new FieldError("types[" + i + "]", "must be one of " + NoticeTypes.ALL));
            } else if (!seen.add(type)) {
                errors.add(new FieldError("types[" + i + "]", "is a repeat"));
            }
        }
        if (draft.description() != null
                && (draft.description().length() > MAX_DESCRIPTION
                        || draft.description().chars().anyMatch(Character::isISOControl))) {
            errors.add(new FieldError(
                    "description", "must be at most " + MAX_DESCRIPTION + " characters, without control characters"));
        }
        if (draft.contactEmail() != null
                && (draft.contactEmail().length() > 254
                        || !EMAIL.matcher(draft.contactEmail()).matches())) {
            errors.add(new FieldError("contactEmail", "must be one e-mail address"));
        }
        return List.copyOf(seen);
    }

    /** Fails with the form faults, else checks the host (DNS, on a worker thread) and fails if it is refused. */
    private Uni<Void> checked(String url, List<FieldError> errors) {
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(Problems.invalid(errors));
        }
        return vertx.executeBlocking(
                        Uni.createFrom().item(() -> WebhookUrls.hostFault(url, config.allowPrivateAddresses())))
                .map(fault -> {
                    Optional<String> f = fault;
                    if (f.isPresent()) {
                        throw Problems.invalid(List.of(new FieldError("url", f.get())));
                    }
                    return null;
                })
                .replaceWithVoid();
    }

    private static WebhookSecret secret(UUID subscriptionId, Instant now) {
        WebhookSecret secret = new WebhookSecret();
        secret.id = UUID.randomUUID();
        secret.subscriptionId = subscriptionId;
        secret.secret = WebhookSignatures.newSecret();
        secret.createdAt = now;
        return secret;
    }
}
