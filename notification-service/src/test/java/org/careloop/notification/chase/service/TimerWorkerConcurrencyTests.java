package org.careloop.notification.chase.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.careloop.notification.Sql;
import org.junit.jupiter.api.Test;

/** Two timer workers on one database never fire a timer twice, and keep each referral's chases in order. */
@QuarkusTest
class TimerWorkerConcurrencyTests {

    private static final int REFERRALS = 1000;

    @Inject
    ChaseTimerWorker worker;

    @Inject
    TimerFiring firing;

    @Inject
    Vertx vertx;

    @Inject
    DataSource db;

    @Test
    void twoWorkersRacingForThousandsOfDueTimersFireEachExactlyOnce() throws Exception {
        String marker = "org-race-" + UUID.randomUUID();
        worker.stop().get(30, TimeUnit.SECONDS);
        long firedByFirstBefore = worker.firedCount();
        // Three due timers per referral: reminder, escalation, recall, a second apart, all overdue.
        int inserted = Sql.update(db, """
                insert into chase_timer (id, kind, state, referral_id, need_id, referral_version,
                    owner_organization_id, requester_organization_id, category, policy, due_at, created_at)
                select gen_random_uuid(), k.kind, 'PENDING', r.id, r.id, 1, 'org-race', ?, 'food-insecurity',
                    'default', now() - interval '1 minute' + k.step * interval '1 second', now()
                from (select gen_random_uuid() as id from generate_series(1, ?)) r
                cross join (values ('REMIND', 0), ('ESCALATE', 1), ('RECALL', 2)) as k(kind, step)
                """, marker, REFERRALS);
        assertThat(inserted).isEqualTo(3 * REFERRALS);

        ChaseTimerWorker second = new ChaseTimerWorker(firing, vertx, 250, 100, true);
        try {
            worker.start();
            second.start();
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> Sql.count(
                                    db,
                                    "select count(*) from chase_timer where requester_organization_id = ?"
                                            + " and state = 'PENDING'",
                                    marker)
                            == 0);
        } finally {
            second.stop().get(30, TimeUnit.SECONDS);
            worker.start();
        }

        assertThat(Sql.count(
                        db,
                        "select count(*) from chase_timer where requester_organization_id = ? and state = 'FIRED'",
                        marker))
                .isEqualTo(3 * REFERRALS);
        String ofMarker = " from outbox_event where topic = 'referral-chased'"
                + " and payload::jsonb->>'requesterOrganizationId' = ?";
        assertThat(Sql.count(db, "select count(*)" + ofMarker, marker)).isEqualTo(3 * REFERRALS);
        assertThat(Sql.count(db, "select count(distinct payload::jsonb->>'chaseId')" + ofMarker, marker))
                .isEqualTo(3 * REFERRALS);
        // Each referral's chases reached the outbox in due order.
        List<Object> orders = Sql.column(
                db,
                "select distinct string_agg(payload::jsonb->>'kind', ',' order by id)" + ofMarker
                        + " group by event_key",
                marker);
        assertThat(orders).containsExactly("reminder,escalation,recall");
        // Both workers took part.
        assertThat(second.firedCount()).isPositive();
        assertThat(worker.firedCount() - firedByFirstBefore).isPositive();
    }
}
