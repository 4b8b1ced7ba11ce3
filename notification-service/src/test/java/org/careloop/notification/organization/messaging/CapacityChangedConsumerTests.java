package org.careloop.notification.organization.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.careloop.notification.Api.WAIT;
import static org.careloop.notification.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.careloop.contracts.Topics;
import org.careloop.notification.DirectoryEvents;
import org.careloop.notification.organization.KnownService;
import org.careloop.notification.organization.repository.KnownServiceRepository;
import org.careloop.platform.inbox.ProcessedEventRepository;
import org.careloop.testing.KafkaEvents;
import org.junit.jupiter.api.Test;

/** Organizations become known from the directory's capacity snapshots: replica, version guard, dead letters. */
@QuarkusTest
class CapacityChangedConsumerTests {

    @Inject
    KnownServiceRepository services;

    @Inject
    ProcessedEventRepository processed;

    @Test
    void aServiceMakesItsOrganizationKnown() {
        String organization = "org-replica-" + UUID.randomUUID();
        String service = "svc-" + organization;
        policyStatus(organization, 404);

        DirectoryEvents.send(service, organization, 1);

        await().atMost(WAIT).untilAsserted(() -> policyStatus(organization, 200));
        KnownService replica = find(service);
        assertThat(replica.organizationId).isEqualTo(organization);
        assertThat(replica.serviceStatus).isEqualTo("active");
        assertThat(replica.version).isEqualTo(1);
    }

    @Test
    void anOlderSnapshotOfAServiceChangesNothing() {
        String first = "org-replica-" + UUID.randomUUID();
        String second = "org-replica-" + UUID.randomUUID();
        String service = "svc-" + first;
        DirectoryEvents.send(service, first, 1);
        DirectoryEvents.send(service, first, 3);
        await().atMost(WAIT).until(() -> find(service) != null && find(service).version == 3);

        // A replay of version 2 under a new event id: deduplication cannot catch it, the version guard must.
        UUID stale = DirectoryEvents.send(service, second, 2);
        awaitProcessed(stale);

        assertThat(find(service).organizationId).isEqualTo(first);
        assertThat(find(service).version).isEqualTo(3);
        policyStatus(second, 404);

        // A newer version moves the service.
        DirectoryEvents.send(service, second, 4);
        await().atMost(WAIT).untilAsserted(() -> policyStatus(second, 200));
    }

    @Test
    void anInvalidSnapshotGoesToTheDeadLetterTopic() {
        UUID eventId = UUID.randomUUID();
        String service = "svc-poison-" + eventId;
        String data = DirectoryEvents.data(service, "org-x", 1).replace("\"organizationId\":\"org-x\",", "");

        DirectoryEvents.sendRaw(eventId, service, data);

        KafkaEvents.Event dead = KafkaEvents.await(
                Topics.DLQ_NOTIFICATION, e -> eventId.toString().equals(e.header("ce_id")), WAIT);
        assertThat(dead.key()).isEqualTo(service);
        assertThat(find(service)).isNull();
    }

    private static void policyStatus(String organization, int status) {
        as("coordinator")
                .get("/api/v1/policies/organizations/{id}", organization)
                .then()
                .statusCode(status);
    }

    private KnownService find(String serviceId) {
        return run(() -> services.findById(serviceId));
    }

    private void awaitProcessed(UUID eventId) {
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> run(() -> processed.findById(eventId)) != null);
    }

    private static <T> T run(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work::get);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
