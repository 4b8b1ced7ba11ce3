package org.careloop.directory.matching.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.careloop.directory.config.DirectoryConfig;
import org.careloop.directory.matching.Ranking;
import org.careloop.directory.matching.RankingSettings;

/** Builds the ranking from {@code careloop.directory.ranking.*}; bad weights stop the service at start. */
public class RankingProducer {

    @Produces
    @Singleton
    Ranking ranking(DirectoryConfig config) {
        DirectoryConfig.Ranking r = config.ranking();
        DirectoryConfig.Weights w = r.weights();
        return new Ranking(new RankingSettings(
                new RankingSettings.Weights(
                        w.capacity(), w.acceptance(), w.acknowledgement(), w.freshness(), w.load(), w.distance()),
                r.capacityScale(),
                r.acknowledgementScale(),
                r.acknowledgementPrior(),
                r.acknowledgementPriorWeight(),
                r.freshnessScale(),
                r.loadWindow(),
                config.matching().distanceScaleKm()));
    }
}
