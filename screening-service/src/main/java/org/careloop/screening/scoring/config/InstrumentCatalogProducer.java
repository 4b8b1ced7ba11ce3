package org.careloop.screening.scoring.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import org.careloop.screening.scoring.AhcHrsn;
import org.careloop.screening.scoring.InstrumentCatalog;

/** Builds the instrument catalog from configuration; new instruments are registered here. */
@ApplicationScoped
public class InstrumentCatalogProducer {

    @Produces
    @Singleton
    InstrumentCatalog instrumentCatalog(ScoringConfig config) {
        return new InstrumentCatalog(List.of(new AhcHrsn(config.ahc().safetyThreshold())));
    }
}
