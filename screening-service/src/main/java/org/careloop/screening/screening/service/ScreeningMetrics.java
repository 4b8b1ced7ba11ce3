package org.careloop.screening.screening.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.careloop.screening.screening.CompletedScreening;

/** Counts committed screenings by instrument and the needs they identified by category. */
@ApplicationScoped
public class ScreeningMetrics {

    public static final String SCREENINGS_COMPLETED = "careloop.screenings.completed";
    public static final String NEEDS_IDENTIFIED = "careloop.needs.identified";

    private final MeterRegistry registry;

    public ScreeningMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Call only after the screening has been committed, so a rolled-back write is never counted. */
    public void completed(CompletedScreening completed) {
        registry.counter(SCREENINGS_COMPLETED, "instrument", completed.screening().instrument)
                .increment();
        completed.needs().forEach(need -> registry.counter(NEEDS_IDENTIFIED, "category", need.category)
                .increment());
    }
}
