package org.careloop.notification.webhook.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.careloop.notification.common.BackgroundWork;
import org.careloop.notification.config.WebhookConfig;
import org.careloop.notification.email.EmailAddresses;
import org.careloop.notification.email.repository.EmailSettingsRepository;
import org.careloop.notification.webhook.WebhookAlert;
import org.careloop.notification.webhook.WebhookSubscription;
import org.careloop.notification.webhook.repository.AlertRepository;
import org.careloop.notification.webhook.repository.SubscriptionRepository;

/**
 * Tells the owner of a paused subscription: every {@code careloop.webhooks.alert-interval} it claims unsent alerts
 * (written with the pause, so none is lost) and e-mails each to the subscription's contact address, else to the
 * organization's e-mail address if it opted in to e-mail. Sent once it is marked; a failed send is tried again next
 * round. An alert with nobody to tell is marked with why (the pause is still visible in the API and the metrics).
 */
@ApplicationScoped
public class AlertSender {

    private static final int BATCH = 20;

    private final AlertRepository alerts;
    private final SubscriptionRepository subscriptions;
    private final EmailSettingsRepository settings;
    private final ReactiveMailer mailer;
    private final Template paused;
    private final Vertx vertx;
    private final Duration interval;
    private volatile boolean running;

    public AlertSender(
            AlertRepository alerts,
            SubscriptionRepository subscriptions,
            EmailSettingsRepository settings,
            ReactiveMailer mailer,
            @Location("webhook/paused.txt") Template paused,
            WebhookConfig config,
            Vertx vertx) {
        this.alerts = alerts;
        this.subscriptions = subscriptions;
        this.settings = settings;
        this.mailer = mailer;
        this.paused = paused;
        this.vertx = vertx;
        this.interval = config.alertInterval();
    }

    void start(@Observes StartupEvent event) {
        running = true;
        schedule();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
    }

    private void schedule() {
        if (running) {
            vertx.setTimer(Math.max(50, interval.toMillis()), id -> round());
        }
    }

    private void round() {
        BackgroundWork.run(vertx, this::sendDue, n -> schedule(), failure -> {
            Log.warnf(failure, "Webhook alert round failed");
            schedule();
        });
    }

    /** Sends the unsent alerts of one batch; returns how many it handled. */
    public Uni<Integer> sendDue() {
        return Panache.withTransaction(() -> alerts.claimUnsent(BATCH).chain(this::sendAll));
    }

    private Uni<Integer> sendAll(List<WebhookAlert> batch) {
        Uni<Void> work = Uni.createFrom().voidItem();
        for (WebhookAlert alert : batch) {
            work = work.chain(() -> send(alert));
        }
        return work.replaceWith(batch.size());
    }

    private Uni<Void> send(WebhookAlert alert) {
        return subscriptions.findById(alert.subscriptionId).chain(subscription -> address(alert, subscription)
                .chain(address -> {
                    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    if (address == null) {
                        alert.sentAt = now;
                        alert.lastError = subscription == null ? "subscription deleted" : "no contact address";
                        Log.warnf(
                                "Webhook subscription %s paused, nobody to tell: %s",
                                alert.subscriptionId, alert.lastError);
                        return Uni.createFrom().voidItem();
                    }
                    String body = paused.data("subscriptionId", alert.subscriptionId.toString())
                            .data("organizationId", alert.organizationId)
                            .data("url", subscription.url)
                            .data("reason", alert.reason)
                            .data("pausedAt", String.valueOf(subscription.pausedAt))
                            .render();
                    Mail mail = Mail.withText(address, "CareLoop: webhook subscription paused", body)
                            .addHeader("X-CareLoop-Alert", alert.id.toString())
                            .addHeader("Auto-Submitted", "auto-generated");
                    return mailer.send(mail)
                            .invoke(() -> {
                                alert.sentAt = now;
                                alert.attempts++;
                                Log.infof(
                                        "Told %s that webhook subscription %s is paused",
                                        EmailAddresses.mask(address), alert.subscriptionId);
                            })
                            .onFailure()
                            .recoverWithItem(e -> {
                                alert.attempts++;
                                alert.lastError = e.getClass().getSimpleName();
                                return null;
                            })
                            .replaceWithVoid();
                }));
    }

    private Uni<String> address(WebhookAlert alert, WebhookSubscription subscription) {
        if (subscription == null) {
            return Uni.createFrom().nullItem();
        }
        if (subscription.contactEmail != null) {
            return Uni.createFrom().item(subscription.contactEmail);
        }
        return settings.findEnabled(alert.organizationId).map(s -> s == null ? null : s.address);
    }
}
