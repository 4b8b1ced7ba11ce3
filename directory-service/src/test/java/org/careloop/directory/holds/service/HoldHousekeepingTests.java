package org.careloop.directory.holds.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.careloop.directory.Events.WAIT;
import static org.careloop.directory.Events.awaitNeedsMatched;
import static org.careloop.directory.Events.capacityChanges;
import static org.careloop.directory.Events.referral;
import static org.careloop.directory.Events.sendReferral;
import static org.careloop.directory.Events.sendScreening;
import static org.careloop.directory.TestDirectory.available;
import static org.careloop.directory.TestDirectory.bundle;
import static org.careloop.directory.TestDirectory.holds;
import static org.careloop.directory.TestDirectory.importBundle;
import static org.careloop.directory.TestDirectory.retireCategory;
import static org.careloop.directory.TestDirectory.service;
import static org.careloop.directory.TestDirectory.unique;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.directory.Events;
import org.careloop.directory.OnVertx;
import org.careloop.directory.config.DirectoryConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Expiry of holds no referral claimed, and the first publication of services older than capacity-changed. The job is
 * called with an explicit time instead of waiting for the clock. Category of this class: digital-access.
 */
@QuarkusTest
class HoldHousekeepingTests {

    private static final String DIGITAL = "digital-access";

    @Inject
    HoldHousekeeping housekeeping;

    @Inject
    DirectoryConfig config;

    @Inject
    Vertx vertx;

    @Inject
    Pool database;

    private String org;
    private String serviceId;

    @BeforeEach
    void importAService() {
        retireCategory(database, DIGITAL);
        org = unique("org-wifi");
        serviceId = unique("svc-wifi");
        importBundle(bundle(org, service(serviceId, DIGITAL, 2, 2, LocalDate.now())));
    }

    private Events.Need matchOneNeed() {
        UUID screening = UUID.randomUUID();
        Events.Need need = Events.Need.of(DIGITAL);
        sendScreening(screening, true, need);
        assertThat(awaitNeedsMatched(screening).at("/matches/0/serviceId").asText())
                .isEqualTo(serviceId);
        return need;
    }

    private Instant afterTheTtl() {
        return Instant.now().plus(config.holds().unclaimedTtl()).plusSeconds(1);
    }

    private int expire(Instant at) {
        int expired = 0;
        int batch;
        do {
            batch = OnVertx.await(vertx, () -> housekeeping.expireDue(at));
            expired += batch;
        } while (batch > 0);
        return expired;
    }

    @Test
    void anUnclaimedHoldGivesItsPlaceBackAfterTheTtlAndALateReferralTakesANewOne() {
        Events.Need need = matchOneNeed();
        assertThat(available(serviceId)).isEqualTo(1);

        expire(Instant.now());
        assertThat(holds(serviceId)).extracting(h -> h.get("state")).containsExactly("TENTATIVE");

        assertThat(expire(afterTheTtl())).isPositive();

        assertThat(available(serviceId)).isEqualTo(2);
        Map<String, Object> expired = holds(serviceId).getFirst();
        assertThat(expired).containsEntry("state", "RELEASED").containsEntry("release_reason", "expired");
        await().atMost(WAIT).untilAsserted(() -> assertThat(capacityChanges(serviceId))
                .extracting(c -> c.get("cause").asText())
                .containsExactly("import", "hold", "release"));
        JsonNode released = capacityChanges(serviceId).getLast();
        assertThat(released.get("available").asInt()).isEqualTo(2);
        assertThat(released.get("held").asInt()).isZero();

        // The referral comes after all: the expired hold stays released, the referral takes a place of its own.
        UUID referralId = UUID.randomUUID();
        sendReferral(referral(referralId, 1, "requested", null, need.needId(), DIGITAL, org, serviceId));
        await().atMost(WAIT).untilAsserted(() -> assertThat(holds(serviceId)).anySatisfy(h -> assertThat(h)
                .containsEntry("referral_id", referralId.toString())
                .containsEntry("origin", "REFERRAL")
                .containsEntry("state", "TENTATIVE")));
        assertThat(holds(serviceId)).hasSize(2);
        assertThat(available(serviceId)).isEqualTo(1);
    }

    @Test
    void aClaimedHoldNeverExpires() {
        Events.Need need = matchOneNeed();
        UUID referralId = UUID.randomUUID();
        sendReferral(referral(referralId, 1, "requested", null, need.needId(), DIGITAL, org, serviceId));
        await().atMost(WAIT).untilAsserted(() -> assertThat(holds(serviceId).getFirst())
                .containsEntry("referral_id", referralId.toString()));

        expire(afterTheTtl());

        assertThat(holds(serviceId)).extracting(h -> h.get("state")).containsExactly("TENTATIVE");
        assertThat(available(serviceId)).isEqualTo(1);
    }

    @Test
    void servicesListedBeforeCapacityChangedArePublishedOnce() {
        // A row as the first version of the directory left it: never published.
        String old = unique("svc-wifi-old");
        database.preparedQuery("insert into service (id, organization_id, name, status, last_modified, doc)"
                        + " values ($1, $2, 'Old listing', 'active', now(), jsonb_build_object('id', $1::text,"
                        + " 'organization_id', $2::text, 'name', 'Old listing', 'status', 'active'))")
                .execute(Tuple.of(old, org))
                .await()
                .atMost(Duration.ofSeconds(30));

        int published;
        do {
            published = OnVertx.await(vertx, () -> housekeeping.publishUnpublished(Instant.now()));
        } while (published > 0);

        List<JsonNode> changes = await().atMost(WAIT).until(() -> capacityChanges(old), c -> !c.isEmpty());
        assertThat(changes).hasSize(1);
        JsonNode first = changes.getFirst();
        assertThat(first.get("version").asLong()).isEqualTo(1);
        assertThat(first.get("cause").asText()).isEqualTo("import");
        assertThat(first.get("organizationId").asText()).isEqualTo(org);
        assertThat(first.get("available").isNull()).isTrue();
        assertThat(first.get("held").asInt()).isZero();
        assertThat(OnVertx.await(vertx, () -> housekeeping.publishUnpublished(Instant.now())))
                .isZero();
    }
}
