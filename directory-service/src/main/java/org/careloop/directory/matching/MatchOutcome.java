package org.careloop.directory.matching;

import java.util.List;
import java.util.Optional;

/**
 * The ranked services for one category.
 *
 * @param category the SDOHCC category asked for
 * @param ranked best first; empty when nothing qualifies
 * @param unmatchedReason why nothing qualifies, or null when something does
 */
public record MatchOutcome(String category, List<RankedCandidate> ranked, String unmatchedReason) {

    public Optional<RankedCandidate> best() {
        return ranked.stream().findFirst();
    }
}
