package org.careloop.platform.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * HTTP metrics are labelled by route template only. Quarkus uses the template of the matched resource method and
 * {@code NOT_FOUND} for unknown paths, but a method that is not allowed on a path leaves the raw path (with its ids)
 * as the label: every such request would add a series, and the ids would show on {@code /q/metrics}.
 */
public class BoundedHttpMetrics {

    static final String UNMATCHED = "UNMATCHED";
    private static final int MAX_URI = 150;

    @Produces
    @Singleton
    public MeterFilter boundedUris() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (!id.getName().startsWith("http.server.")) {
                    return id;
                }
                String uri = id.getTag("uri");
                String status = id.getTag("status");
                if (uri == null) {
                    return id;
                }
                if ("405".equals(status) || "414".equals(status) || uri.length() > MAX_URI || uri.indexOf('\0') >= 0) {
                    List<Tag> tags = id.getTags().stream()
                            .map(t -> t.getKey().equals("uri") ? Tag.of("uri", UNMATCHED) : t)
                            .toList();
                    return id.replaceTags(tags);
                }
                return id;
            }
        };
    }
}
