package org.careloop.notification.chase.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.contracts.EventTypes;
import org.careloop.contracts.Topics;
import org.careloop.contracts.notification.ReferralChased;
import org.careloop.platform.outbox.OutboxConfig;

/**
 * Writes a batch of {@code referral-chased} events to the platform's outbox table in one statement, in the caller's
 * transaction; the platform's relay publishes them like any other outbox row. {@code EventOutbox.append} costs two
 * round trips per event (the per-key lock and the insert), which caps a worker well below the 1,000 timers a second
 * it must fire. The per-key lock it would take is not needed here: this worker is the only writer of
 * {@code referral-chased}, and it fires a referral's timers one at a time (see the claim), so rows of one key get ids
 * in commit order all the same.
 */
@ApplicationScoped
@WithSession
public class ChasedEventOutbox {

    // The rows travel as one text parameter, cast to jsonb in SQL: the PostgreSQL client would send a String bound
    // to a jsonb parameter as a JSON string, not as the array it holds.
    private static final String INSERT = """
            insert into outbox_event (event_id, topic, event_key, event_type, source, subject, payload, created_at)
            select r.event_id, :topic, r.event_key, :type, :source, r.event_key, r.payload, :now
            from jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                as r(seq integer, event_id uuid, event_key text, payload text)
            order by r.seq
            """;

    private final ObjectMapper mapper;
    private final OutboxConfig config;

    public ChasedEventOutbox(ObjectMapper mapper, OutboxConfig config) {
        this.mapper = mapper;
        this.config = config;
    }

    /** Appends the events in order, keyed by referral id; returns how many rows were written. */
    public Uni<Integer> append(List<ReferralChased> events, Instant now) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        String rows;
        try {
            List<Map<String, Object>> list = new ArrayList<>(events.size());
            for (int i = 0; i < events.size(); i++) {
                ReferralChased event = events.get(i);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("seq", i);
                row.put("event_id", UUID.randomUUID().toString());
                row.put("event_key", event.referralId().toString());
                row.put("payload", mapper.writeValueAsString(event));
                list.add(row);
            }
            rows = mapper.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("Chase events are not serializable", e));
        }
        String json = rows;
        return Panache.getSession().chain(s -> s.createNativeQuery(INSERT)
                .setParameter("topic", Topics.REFERRAL_CHASED)
                .setParameter("type", EventTypes.REFERRAL_CHASED)
                .setParameter("source", config.source())
                .setParameter("now", now)
                .setParameter("rows", json)
                .executeUpdate());
    }
}
