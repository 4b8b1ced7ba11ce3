package org.careloop.directory.matching.config;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.careloop.directory.config.DirectoryConfig;
import org.careloop.directory.matching.Ranking;
import org.careloop.directory.matching.RankingSettings;

/**
 * Writes the radius and ranking settings into the match index at start (migration V10, {@code
 * configure_match_index}): its rows hold which postal codes a service without area serves and the pre-score the
 * match query orders by, both computed with these settings. When they changed since the index was computed, the whole
 * index is recomputed before the service takes requests.
 */
@ApplicationScoped
public class MatchIndexSettings {

    private static final String CONFIGURE = "select configure_match_index($1, $2, $3, $4, $5, $6)";

    private final Pool database;
    private final DirectoryConfig config;
    private final Ranking ranking;

    public MatchIndexSettings(Pool database, DirectoryConfig config, Ranking ranking) {
        this.database = database;
        this.config = config;
        this.ranking = ranking;
    }

    void onStart(@Observes StartupEvent event) {
        RankingSettings s = ranking.settings();
        long started = System.nanoTime();
        boolean rebuilt = database.preparedQuery(CONFIGURE)
                .execute(Tuple.tuple()
                        .addDouble(config.matching().defaultRadiusKm())
                        .addDouble(config.matching().maxRadiusKm())
                        .addDouble(s.weights().capacity())
                        .addDouble((double) s.capacityScale())
                        .addDouble(s.weights().distance())
                        .addDouble(s.distanceScaleKm()))
                .await()
                .atMost(Duration.ofMinutes(30))
                .iterator()
                .next()
                .getBoolean(0);
        if (rebuilt) {
            Log.infof(
                    "Match index recomputed for changed radius or ranking settings in %d ms",
                    (System.nanoTime() - started) / 1_000_000);
        }
    }
}
