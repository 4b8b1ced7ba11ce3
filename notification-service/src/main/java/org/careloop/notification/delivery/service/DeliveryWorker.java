package org.careloop.notification.delivery.service;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.careloop.notification.common.RoundLoop;
import org.careloop.notification.config.DeliveryConfig;
import org.careloop.notification.delivery.Delivery;

/**
 * The loops that send due deliveries, driven by Vert.x timers like the chase timer worker: a round claims a batch (one
 * transaction), sends it concurrently outside any transaction, and records the attempts (one transaction); while
 * rounds find work they run back to back, otherwise each loop waits {@code poll-interval}. Several loops per instance
 * overlap one's sending with another's claim; loops and instances claim side by side ({@code skip locked}). A claimed
 * delivery carries a lease: if its instance dies before recording the attempt, it is claimed again after the lease
 * (at least once; receivers deduplicate on {@code webhook-id}).
 */
@ApplicationScoped
public class DeliveryWorker {

    private final DeliveryService service;
    private final Vertx vertx;
    private final DeliveryConfig.Worker config;
    private final AtomicLong sent = new AtomicLong();
    private final List<RoundLoop> loops = new ArrayList<>();

    public DeliveryWorker(DeliveryService service, DeliveryConfig config, Vertx vertx) {
        this.service = service;
        this.vertx = vertx;
        this.config = config.worker();
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            Log.info("Delivery worker disabled (careloop.delivery.worker.enabled=false)");
            return;
        }
        start();
        Log.infof(
                "Delivery worker started (%d loops, batch %d, poll %d ms; retries %s)",
                config.loops(),
                config.batchSize(),
                config.pollInterval().toMillis(),
                service.schedule().waits());
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts the loops (again); harmless when they run. */
    public synchronized void start() {
        if (loops.isEmpty()) {
            for (int i = 0; i < Math.max(1, config.loops()); i++) {
                loops.add(
                        new RoundLoop(vertx, this::round, config.pollInterval().toMillis(), "Delivery"));
            }
        }
        loops.forEach(RoundLoop::start);
    }

    /** Stops the loops after the rounds in flight; completes when none is in flight. */
    public synchronized CompletableFuture<Void> stop() {
        return CompletableFuture.allOf(loops.stream().map(RoundLoop::stop).toArray(CompletableFuture[]::new));
    }

    /** One round: claim a batch, send it, record it; how many were attempted. */
    private Uni<Integer> round() {
        return service.claim(config.batchSize()).chain(this::sendAll).invoke(sent::addAndGet);
    }

    private Uni<Integer> sendAll(List<Delivery> claimed) {
        if (claimed.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Multi.createFrom()
                .iterable(claimed)
                .onItem()
                .transformToUniAndMerge(d -> service.send(d).map(a -> new DeliveryService.Sent(d, a)))
                .collect()
                .asList()
                .chain(results -> service.record(results).replaceWith(results.size()));
    }

    /** Attempts made by this instance's loops since start. */
    public long attemptCount() {
        return sent.get();
    }
}
