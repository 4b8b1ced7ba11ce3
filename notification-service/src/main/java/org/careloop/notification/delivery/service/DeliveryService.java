package org.careloop.notification.delivery.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.careloop.notification.config.DeliveryConfig;
import org.careloop.notification.delivery.Attempt;
import org.careloop.notification.delivery.Delivery;
import org.careloop.notification.delivery.DeliveryAttempt;
import org.careloop.notification.delivery.DeliveryChannel;
import org.careloop.notification.delivery.DeliveryState;
import org.careloop.notification.delivery.Destination;
import org.careloop.notification.delivery.Notice;
import org.careloop.notification.delivery.RetrySchedule;
import org.careloop.notification.delivery.repository.DeliveryAttemptRepository;
import org.careloop.notification.delivery.repository.DeliveryRepository;
import org.careloop.platform.problem.ProblemException;
import org.careloop.platform.rest.Page;
import org.careloop.platform.rest.PageRequest;

/**
 * The delivery core: turns notices into one delivery per destination of every channel (in the transaction of the
 * change that gave them), claims due deliveries for the worker and records what their attempts did.
 */
@ApplicationScoped
public class DeliveryService {

    private final DeliveryRepository deliveries;
    private final DeliveryAttemptRepository attempts;
    private final Map<String, DeliveryChannel> channels = new LinkedHashMap<>();
    private final ObjectMapper mapper;
    private final RetrySchedule schedule;
    private final DeliveryConfig config;
    private final DeliveryMetrics metrics;

    public DeliveryService(
            DeliveryRepository deliveries,
            DeliveryAttemptRepository attempts,
            Instance<DeliveryChannel> channels,
            ObjectMapper mapper,
            DeliveryConfig config,
            DeliveryMetrics metrics) {
        this.deliveries = deliveries;
        this.attempts = attempts;
        channels.forEach(c -> this.channels.put(c.name(), c));
        this.mapper = mapper;
        this.config = config;
        this.metrics = metrics;
        this.schedule = new RetrySchedule(config.retrySchedule(), config.jitter(), () -> ThreadLocalRandom.current()
                .nextDouble());
    }

    public RetrySchedule schedule() {
        return schedule;
    }

    /**
     * Stores a delivery of each notice for every destination any channel has for it. Joins the caller's transaction,
     * so that a notice is stored exactly when the change or chase that gave it commits.
     */
    @WithTransaction
    public Uni<Integer> enqueue(List<Notice> notices) {
        if (notices.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Instant now = Instant.now();
        List<String> json = new ArrayList<>(notices.size());
        for (Notice notice : notices) {
            json.add(serialized(notice));
        }
        List<Delivery> all = new ArrayList<>();
        Uni<Void> work = Uni.createFrom().voidItem();
        // One channel after another: a reactive session runs one statement at a time.
        for (DeliveryChannel channel : channels.values()) {
            work = work.chain(() -> channel.destinations(notices)
                    .invoke(perNotice -> {
                        for (int i = 0; i < notices.size(); i++) {
                            for (Destination d : perNotice.get(i)) {
                                all.add(delivery(notices.get(i), json.get(i), d, now));
                            }
                        }
                    })
                    .replaceWithVoid());
        }
        return work.chain(() -> queue(all));
    }

    /**
     * Stores new deliveries in their lanes: a delivery is due now when its lane has nothing open and its destination
     * is not held; otherwise it waits for the one before it (or for the destination's resumption).
     */
    private Uni<Integer> queue(List<Delivery> list) {
        if (list.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        java.util.Set<UUID> keys = new java.util.HashSet<>();
        java.util.Set<String> lanes = new java.util.HashSet<>();
        for (Delivery d : list) {
            keys.add(d.orderKey);
            lanes.add(d.lane());
        }
        return deliveries
                .lockLanes(lanes)
                .chain(() -> deliveries.openLanes(keys))
                .chain(open -> deliveries.holds().chain(held -> {
                    java.util.Set<String> taken = new java.util.HashSet<>(open);
                    for (Delivery d : list) {
                        boolean waits = !taken.add(d.lane()) || held.contains(d.channel + " " + d.target);
                        d.nextAttemptAt = waits ? Delivery.WAITING : d.createdAt;
                    }
                    return deliveries.insertAll(list);
                }));
    }

    /** Claims due deliveries and lets their channels prepare them; one transaction. */
    public Uni<List<Delivery>> claim(int limit) {
        return Panache.withTransaction(() -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            return deliveries
                    .expireLeases(now)
                    .chain(() -> deliveries.claim(now, now.plus(config.worker().lease()), limit))
                    .chain(this::onePerLane)
                    .chain(claimed -> prepare(claimed).replaceWith(claimed));
        });
    }

    /**
     * At most one delivery per lane in flight: should two of a lane be due together (two causes of one referral
     * committing at the same moment), the later waits for the earlier.
     */
    private Uni<List<Delivery>> onePerLane(List<Delivery> claimed) {
        Map<String, Delivery> first = new HashMap<>();
        List<UUID> later = new ArrayList<>();
        for (Delivery d : claimed.stream()
                .sorted(java.util.Comparator.comparing(x -> x.seq))
                .toList()) {
            if (first.putIfAbsent(d.lane(), d) != null) {
                later.add(d.id);
            }
        }
        if (later.isEmpty()) {
            return Uni.createFrom().item(claimed);
        }
        return deliveries.unclaim(later).replaceWith(List.copyOf(first.values()));
    }

    private Uni<Void> prepare(List<Delivery> claimed) {
        Map<String, List<Destination>> byChannel = new HashMap<>();
        for (Delivery d : claimed) {
            byChannel.computeIfAbsent(d.channel, c -> new ArrayList<>()).add(d.destination());
        }
        Uni<Void> work = Uni.createFrom().voidItem();
        for (Map.Entry<String, List<Destination>> entry : byChannel.entrySet()) {
            DeliveryChannel channel = channels.get(entry.getKey());
            if (channel != null) {
                work = work.chain(() -> channel.prepare(entry.getValue()));
            }
        }
        return work;
    }

    /** Sends one claimed delivery through its channel; never fails (a failure is a failed attempt). */
    public Uni<Attempt> send(Delivery delivery) {
        DeliveryChannel channel = channels.get(delivery.channel);
        if (channel == null) {
            return Uni.createFrom().item(new Attempt(false, null, 0, "no channel " + delivery.channel, false));
        }
        Notice notice;
        try {
            notice = mapper.readValue(delivery.notice, Notice.class);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().item(new Attempt(false, null, 0, "unreadable notice", false));
        }
        long start = System.nanoTime();
        Uni<Attempt> attempt;
        try {
            attempt = channel.deliver(notice, delivery.destination(), delivery.id, delivery.attempts);
        } catch (RuntimeException e) {
            attempt = Uni.createFrom().failure(e);
        }
        return attempt.onItem()
                .ifNull()
                .continueWith(() -> Attempt.failed(null, elapsed(start), "channel gave no result"))
                .onFailure()
                .recoverWithItem(
                        e -> Attempt.failed(null, elapsed(start), e.getClass().getSimpleName()));
    }

    /** One claimed delivery and what its attempt did. */
    public record Sent(Delivery delivery, Attempt attempt) {}

    /**
     * Records a batch of attempts in one transaction: delivered, due again per the retry schedule, or failed for good
     * (then its channel may hold the destination).
     */
    public Uni<Void> record(List<Sent> sent) {
        if (sent.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Map<String, Object>> outcomes = new ArrayList<>(sent.size());
        List<Map<String, Object>> attemptRows = new ArrayList<>(sent.size());
        List<Sent> failedForGood = new ArrayList<>();
        for (Sent s : sent) {
            Delivery d = s.delivery();
            Attempt a = s.attempt();
            Map<String, Object> outcome = new HashMap<>();
            outcome.put("id", d.id.toString());
            outcome.put("status", a.responseStatus());
            outcome.put("latency_ms", a.latencyMillis());
            outcome.put("error", a.error());
            if (a.delivered()) {
                outcome.put("state", DeliveryState.DELIVERED.name());
                outcome.put("delivered_at", now.toString());
            } else {
                var next = a.retryable() ? schedule.next(d.attempts, now) : java.util.Optional.<Instant>empty();
                if (next.isPresent()) {
                    outcome.put("state", DeliveryState.PENDING.name());
                    outcome.put("next_attempt_at", next.get().toString());
                } else {
                    outcome.put("state", DeliveryState.FAILED.name());
                    failedForGood.add(s);
                }
            }
            outcomes.add(outcome);
            Map<String, Object> row = new HashMap<>();
            row.put("delivery_id", d.id.toString());
            row.put("attempt", d.attempts);
            row.put("attempted_at", (d.lastAttemptAt == null ? now : d.lastAttemptAt).toString());
            row.put("delivered", a.delivered());
            row.put("status", a.responseStatus());
            row.put("latency_ms", a.latencyMillis());
            row.put("error", a.error());
            attemptRows.add(row);
        }
        List<Delivery> ended = new ArrayList<>();
        java.util.Set<String> endedLanes = new java.util.HashSet<>();
        for (int i = 0; i < sent.size(); i++) {
            if (!DeliveryState.PENDING.name().equals(outcomes.get(i).get("state"))) {
                ended.add(sent.get(i).delivery());
                endedLanes.add(sent.get(i).delivery().lane());
            }
        }
        return Panache.withTransaction(() -> deliveries
                        .lockLanes(endedLanes)
                        .chain(() -> deliveries.record(outcomes, attemptRows))
                        .chain(() -> holdFailed(failedForGood))
                        .chain(() -> deliveries.releaseNext(ended, now))
                        .replaceWithVoid())
                .invoke(() -> {
                    for (Sent s : sent) {
                        metrics.attempted(s.delivery(), s.attempt(), now);
                    }
                    failedForGood.forEach(s -> Log.warnf(
                            "Delivery %s (%s to %s %s) failed for good after %d attempts: %s",
                            s.delivery().id,
                            s.delivery().noticeType,
                            s.delivery().channel,
                            s.delivery().channel.equals("email") ? "(address)" : s.delivery().target,
                            s.delivery().attempts,
                            s.attempt().error()));
                });
    }

    private Uni<Void> holdFailed(List<Sent> failed) {
        Uni<Void> work = Uni.createFrom().voidItem();
        Map<String, Sent> byDestination = new LinkedHashMap<>();
        failed.forEach(s -> byDestination.putIfAbsent(s.delivery().channel + " " + s.delivery().target, s));
        for (Sent s : byDestination.values()) {
            DeliveryChannel channel = channels.get(s.delivery().channel);
            if (channel != null) {
                String reason = "delivery " + s.delivery().id + " failed after " + s.delivery().attempts + " attempts: "
                        + s.attempt().error();
                work = work.chain(() -> channel.failedForGood(s.delivery().destination(), reason));
            }
        }
        return work;
    }

    /** A page of deliveries, newest first. */
    @WithSession
    public Uni<Page<Delivery>> list(DeliveryRepository.Filter filter, PageRequest page) {
        return deliveries
                .findPage(filter, page.page, page.size)
                .chain(rows -> deliveries.count(filter).map(total -> Page.of(rows, page, total)));
    }

    /** A delivery, if the caller's organization may see it ({@code organizationId} null: any). */
    @WithSession
    public Uni<Delivery> get(UUID id, String organizationId) {
        return deliveries.findById(id).map(d -> {
            if (d == null || (organizationId != null && !organizationId.equals(d.organizationId))) {
                throw ProblemException.notFound("id", "Delivery", id);
            }
            return d;
        });
    }

    @WithSession
    public Uni<List<DeliveryAttempt>> attemptsOf(UUID id) {
        return attempts.of(id);
    }

    /**
     * Sends a delivery's notice again to the same destination, as a new delivery after the destination's others (the
     * notice keeps its id, so a receiver that took it already can tell).
     */
    @WithTransaction
    public Uni<Delivery> replay(UUID id, String organizationId) {
        return get(id, organizationId).chain(original -> {
            Delivery copy = new Delivery();
            copy.id = UUID.randomUUID();
            copy.noticeId = original.noticeId;
            copy.noticeType = original.noticeType;
            copy.channel = original.channel;
            copy.target = original.target;
            copy.organizationId = original.organizationId;
            copy.referralId = original.referralId;
            copy.orderKey = original.orderKey;
            copy.language = original.language;
            copy.notice = original.notice;
            copy.state = DeliveryState.PENDING;
            copy.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            copy.occurredAt = copy.createdAt;
            copy.replayOf = original.id;
            return queue(List.of(copy)).chain(() -> deliveries.findById(copy.id));
        });
    }

    private Delivery delivery(Notice notice, String json, Destination destination, Instant now) {
        Delivery d = new Delivery();
        d.id = UUID.randomUUID();
        d.noticeId = notice.id();
        d.noticeType = notice.type();
        d.channel = destination.channel();
        d.target = destination.target();
        d.organizationId = destination.organizationId();
        d.referralId = notice.referralId();
        d.orderKey = notice.referralId() == null ? notice.id() : notice.referralId();
        d.language = destination.language();
        d.notice = json;
        d.state = DeliveryState.PENDING;
        d.createdAt = now;
        d.nextAttemptAt = now;
        d.occurredAt = notice.occurredAt() == null ? now : notice.occurredAt();
        return d;
    }

    private String serialized(Notice notice) {
        try {
            return mapper.writeValueAsString(notice);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Notice is not serializable", e);
        }
    }

    private static long elapsed(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
