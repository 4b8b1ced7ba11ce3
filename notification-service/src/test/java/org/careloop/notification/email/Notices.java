package org.careloop.notification.email;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.careloop.notification.delivery.Notice;

/** Notices for the e-mail tests: ids, codes and a link only, as the delivery core builds them. */
final class Notices {

    private Notices() {}

    static Notice of(String type, String organizationId, String status, String previousStatus) {
        return of(type, organizationId, status, previousStatus, null, null);
    }

    static Notice of(
            String type, String organizationId, String status, String previousStatus, String reason, String outcome) {
        UUID referralId = UUID.randomUUID();
        return new Notice(
                UUID.randomUUID(),
                type,
                organizationId,
                "owner",
                referralId,
                UUID.randomUUID(),
                3,
                status,
                previousStatus,
                reason,
                outcome,
                "food-insecurity",
                "org-eastside-clinic",
                organizationId,
                "svc-" + organizationId,
                1,
                Instant.parse("2026-12-03T08:47:00Z"),
                URI.create("http://localhost:8083/api/v1/referrals/" + referralId));
    }
}
