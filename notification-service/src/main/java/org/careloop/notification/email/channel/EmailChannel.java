package org.careloop.notification.email.channel;

import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.UUID;
import org.careloop.notification.delivery.Attempt;
import org.careloop.notification.delivery.DeliveryChannel;
import org.careloop.notification.delivery.Destination;
import org.careloop.notification.delivery.Destinations;
import org.careloop.notification.delivery.Notice;
import org.careloop.notification.email.EmailAddresses;
import org.careloop.notification.email.config.EmailConfig;
import org.careloop.notification.email.repository.EmailSettingsRepository;
import org.careloop.notification.email.template.EmailModel;
import org.careloop.notification.email.template.EmailTemplates;
import org.careloop.platform.rest.PublicUrls;

/**
 * Tells organizations by e-mail: one destination per notice whose organization opted in to its type, delivered as a
 * plain-text message rendered in the organization's language and sent over SMTP ({@code quarkus.mailer.*}).
 */
@ApplicationScoped
public class EmailChannel implements DeliveryChannel {

    public static final String NAME = "email";

    /** Header naming the delivery: the same on every retry, so that a retried delivery is recognisable. */
    public static final String DELIVERY_HEADER = "X-CareLoop-Delivery";

    public static final String NOTICE_HEADER = "X-CareLoop-Notice";
    public static final String ATTEMPT_HEADER = "X-CareLoop-Attempt";
    public static final String TYPE_HEADER = "X-CareLoop-Notice-Type";

    /** The SMTP server's reply to the end of the message data when it took the message (RFC 5321). */
    private static final int ACCEPTED = 250;

    private final EmailSettingsRepository settings;
    private final EmailTemplates templates;
    private final ReactiveMailer mailer;
    private final EmailConfig config;
    private final PublicUrls urls;

    public EmailChannel(
            EmailSettingsRepository settings,
            EmailTemplates templates,
            ReactiveMailer mailer,
            EmailConfig config,
            PublicUrls urls) {
        this.settings = settings;
        this.templates = templates;
        this.mailer = mailer;
        this.config = config;
        this.urls = urls;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Uni<List<List<Destination>>> destinations(List<Notice> notices) {
        List<String> organizations = Destinations.organizations(notices);
        if (organizations.isEmpty()) {
            return Uni.createFrom().item(Destinations.none(notices));
        }
        return settings.findEnabled(organizations)
                .map(found -> Destinations.match(
                        notices,
                        found,
                        (s, n) -> s.organizationId.equals(n.organizationId()) && s.wants(n.type()),
                        s -> new Destination(NAME, s.address, s.organizationId, s.language)));
    }

    @Override
    public Uni<Attempt> deliver(Notice notice, Destination destination, UUID deliveryId, int attempt) {
        long start = System.nanoTime();
        EmailTemplates.Rendered rendered;
        try {
            rendered = templates.render(
                    notice.type(),
                    destination.language(),
                    EmailModel.of(notice, destination.language(), settingsUrl(destination.organizationId())));
        } catch (RuntimeException e) {
            Log.errorf(
                    e,
                    "Delivery %s: notice %s of type %s could not be rendered",
                    deliveryId,
                    notice.id(),
                    notice.type());
            return Uni.createFrom().item(failed(start, null, "template: cannot render " + notice.type(), false));
        }
        Mail mail = Mail.withText(destination.target(), rendered.subject(), rendered.body())
                .addHeader("Message-ID", messageId(deliveryId))
                .addHeader(DELIVERY_HEADER, deliveryId.toString())
                .addHeader(NOTICE_HEADER, notice.id().toString())
                .addHeader(TYPE_HEADER, notice.type())
                .addHeader(ATTEMPT_HEADER, Integer.toString(attempt))
                .addHeader("Content-Language", rendered.language())
                // Automatic mail: no out-of-office replies (RFC 3834).
                .addHeader("Auto-Submitted", "auto-generated");
        return Uni.createFrom()
                .deferred(() -> mailer.send(mail))
                .ifNoItem()
                .after(config.sendTimeout())
                .fail()
                .map(nothing -> {
                    long millis = millisSince(start);
                    Log.debugf(
                            "Delivery %s (attempt %d): notice %s sent by e-mail to %s in %d ms",
                            deliveryId, attempt, notice.id(), EmailAddresses.mask(destination.target()), millis);
                    return Attempt.ok(ACCEPTED, millis);
                })
                .onFailure()
                .recoverWithItem(failure -> {
                    Attempt failed = failure(start, failure);
                    Log.warnf(
                            "Delivery %s (attempt %d): e-mail of notice %s to %s failed: %s",
                            deliveryId,
                            attempt,
                            notice.id(),
                            EmailAddresses.mask(destination.target()),
                            failed.error());
                    return failed;
                });
    }

    /** Where the organization changes its settings: the configured page, else this service's endpoint. */
    String settingsUrl(String organizationId) {
        return config.settingsUrl()
                .map(url -> url.replace("{organizationId}", organizationId))
                .orElseGet(() -> urls.of("/api/v1/organizations/" + organizationId + "/email-settings")
                        .toString());
    }

    private String messageId(UUID deliveryId) {
        return "<" + deliveryId + "@" + config.messageIdDomain() + ">";
    }

    /**
     * A failure as a short error without personal data: SMTP replies may repeat the recipient's address, so only
     * their code is kept. A permanent (5xx) reply is not worth retrying.
     */
    private static Attempt failure(long start, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SMTPException smtp) {
                int code = smtp.getReplyCode();
                return failed(start, code, "smtp: the server replied " + code, !smtp.isPermanent());
            }
            if (t instanceof ConnectException) {
                return failed(start, null, "smtp: connection refused", true);
            }
            if (t instanceof UnknownHostException) {
                return failed(start, null, "smtp: unknown host", true);
            }
            if (t instanceof TimeoutException) {
                return failed(start, null, "smtp: no answer in time", true);
            }
        }
        return failed(start, null, "smtp: " + failure.getClass().getSimpleName(), true);
    }

    private static Attempt failed(long start, Integer status, String error, boolean retryable) {
        return new Attempt(false, status, millisSince(start), error, retryable);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
