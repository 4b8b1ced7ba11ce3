package org.careloop.directory.matching;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import org.careloop.contracts.codes.SdohCategories;
import org.careloop.directory.catalog.ServiceStatus;
import org.careloop.directory.responsiveness.ResponsivenessStats;

/**
 * Ranks services for a need with a weighted, explainable score. A candidate qualifies when it is {@code active} and has
 * places free after holds. Its score is the weighted mean of five parts, each from 0 to 1:
 *
 * <ul>
 *   <li>capacity: {@code available / (available + capacityScale)}, more places score higher with diminishing returns;
 *   <li>acceptance: {@code (accepted + 1) / (responses + 2)}, a recall counting as a response that did not accept;
 *   <li>acknowledgement: {@code scale / (scale + t)} where {@code t} is the median time to acknowledge pulled towards a
 *       neutral prior when samples are few: {@code t = (n * median + k * prior) / (n + k)};
 *   <li>freshness: {@code scale / (scale + age)} of {@code assured_date}, 0 when never assured;
 *   <li>load: {@code (least + 1) / (recent + 1)}, where {@code recent} counts the holds its organization took within the
 *       load window and {@code least} is the lowest such count among the qualified candidates, so that equal candidates
 *       take turns.
 * </ul>
 *
 * Ties go to the lower service id, so equal inputs always give the same order. Pure logic: no I/O, no clock.
 */
public final class Ranking {

    private final RankingSettings settings;

    public Ranking(RankingSettings settings) {
        this.settings = settings;
    }

    public RankingSettings settings() {
        return settings;
    }

    /**
     * Ranks the candidates listed under {@code category}; candidates of other categories are ignored.
     *
     * @param limit how many to return, at least 1
     * @param today the date freshness is measured at
     */
    public MatchOutcome rank(String category, Collection<Candidate> candidates, int limit, LocalDate today) {
        return rank(category, candidates, Set.of(), limit, today);
    }

    /**
     * Ranks the candidates listed under {@code category} except the {@code excluded} services (already tried).
     *
     * @param limit how many to return, at least 1
     * @param today the date freshness is measured at
     */
    public MatchOutcome rank(
            String category, Collection<Candidate> candidates, Set<String> excluded, int limit, LocalDate today) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        List<Candidate> all =
                candidates.stream().filter(c -> c.category().equals(category)).toList();
        List<Candidate> listed =
                all.stream().filter(c -> !excluded.contains(c.serviceId())).toList();
        List<Candidate> qualified = listed.stream().filter(Ranking::qualifies).toList();
        int least = qualified.stream().mapToInt(Candidate::recentHolds).min().orElse(0);
        List<Scored> best = qualified.stream()
                .map(c -> score(c, least, today))
                .sorted(Comparator.comparingDouble(Scored::score).reversed().thenComparing(s -> s.candidate()
                        .serviceId()))
                .limit(limit)
                .toList();
        List<RankedCandidate> ranked = IntStream.range(0, best.size())
                .mapToObj(i -> {
                    Scored s = best.get(i);
                    return new RankedCandidate(i + 1, s.candidate(), s.score(), s.scores(), reason(s.candidate()));
                })
                .toList();
        return new MatchOutcome(
                category, ranked, ranked.isEmpty() ? whyUnmatched(category, listed, all.size() - listed.size()) : null);
    }

    private record Scored(Candidate candidate, double score, Scores scores) {}

    static boolean qualifies(Candidate c) {
        return c.status() == ServiceStatus.ACTIVE && c.available() != null && c.available() > 0;
    }

    private Scored score(Candidate c, int least, LocalDate today) {
        Scores scores = new Scores(
                capacity(c.available()),
                c.responsiveness().acceptanceRate(),
                acknowledgement(c.responsiveness()),
                freshness(c.assuredDate(), today),
                load(c.recentHolds(), least));
        RankingSettings.Weights w = settings.weights();
        double weighted = w.capacity() * scores.capacity()
                + w.acceptance() * scores.acceptance()
                + w.acknowledgement() * scores.acknowledgement()
                + w.freshness() * scores.freshness()
                + w.load() * scores.load();
        return new Scored(c, weighted / w.total(), scores);
    }

    double capacity(int available) {
        return available / (double) (available + settings.capacityScale());
    }

    double acknowledgement(ResponsivenessStats stats) {
        double prior = seconds(settings.acknowledgementPrior());
        double k = settings.acknowledgementPriorWeight();
        int n = stats.acknowledgementSamples();
        double effective = n == 0 || stats.medianSecondsToAcknowledge() == null
                ? prior
                : (n * stats.medianSecondsToAcknowledge() + k * prior) / (n + k);
        double scale = seconds(settings.acknowledgementScale());
        return scale / (scale + Math.max(0, effective));
    }

    double freshness(LocalDate assured, LocalDate today) {
        if (assured == null) {
            return 0;
        }
        double age = Math.max(0, ChronoUnit.DAYS.between(assured, today));
        double scale = seconds(settings.freshnessScale()) / 86_400.0;
        return scale / (scale + age);
    }

    static double load(int recent, int least) {
        return (least + 1.0) / (recent + 1.0);
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    /**
     * Why a candidate ranks where it does, e.g. {@code active, 24 of 40 household places free (1 held), accepts 80%
     * (4 of 5), acknowledges in 3 h (median of 5), assured 2026-11-01, 2 referrals in the last 24 h}.
     */
    String reason(Candidate c) {
        ResponsivenessStats r = c.responsiveness();
        StringBuilder why = new StringBuilder(c.status().code()).append(", ");
        if (c.maximum() != null) {
            why.append(c.available()).append(" of ").append(c.maximum());
        } else {
            why.append(c.available());
        }
        why.append(' ').append(c.unit()).append(c.available() == 1 ? " place free" : " places free");
        if (c.held() > 0) {
            why.append(" (").append(c.held()).append(" held)");
        }
        if (r.responses() == 0) {
            why.append(", no responses yet");
        } else {
            long percent = Math.round(100.0 * r.accepted() / r.responses());
            why.append(", accepts ")
                    .append(percent)
                    .append("% (")
                    .append(r.accepted())
                    .append(" of ")
                    .append(r.responses())
                    .append(')');
        }
        if (r.medianSecondsToAcknowledge() == null || r.acknowledgementSamples() == 0) {
            why.append(", acknowledgement time unknown");
        } else {
            why.append(", acknowledges in ")
                    .append(humanDuration(r.medianSecondsToAcknowledge()))
                    .append(" (median of ")
                    .append(r.acknowledgementSamples())
                    .append(')');
        }
        why.append(", ").append(c.assuredDate() == null ? "never assured" : "assured " + c.assuredDate());
        why.append(", ")
                .append(c.recentHolds() == 0 ? "no" : Integer.toString(c.recentHolds()))
                .append(c.recentHolds() == 1 ? " referral" : " referrals")
                .append(" in the last ")
                .append(humanDuration(seconds(settings.loadWindow())));
        return why.toString();
    }

    /** A duration as people say it: minutes under an hour, hours under two days, else days. */
    static String humanDuration(double seconds) {
        if (seconds < 3600) {
            return Math.max(1, Math.round(seconds / 60)) + " min";
        }
        if (seconds < 48 * 3600) {
            return Math.round(seconds / 3600) + " h";
        }
        return String.format(Locale.ROOT, "%d days", Math.round(seconds / 86_400));
    }

    static String whyUnmatched(String category, List<Candidate> listed, int excluded) {
        if (!SdohCategories.isCode(category)) {
            return "'" + category + "' is not an SDOHCC category code";
        }
        if (listed.isEmpty() && excluded == 0) {
            return "no service in the directory addresses " + category;
        }
        long notActive =
                listed.stream().filter(c -> c.status() != ServiceStatus.ACTIVE).count();
        long noCapacity = listed.stream()
                .filter(c -> c.status() == ServiceStatus.ACTIVE && c.available() == null)
                .count();
        long full = listed.size() - notActive - noCapacity;
        StringBuilder why = new StringBuilder("no active service with places available for ")
                .append(category)
                .append(':');
        String separator = " ";
        if (full > 0) {
            why.append(separator).append(full).append(full == 1 ? " service full" : " services full");
            separator = ", ";
        }
        if (noCapacity > 0) {
            why.append(separator).append(noCapacity).append(" without published capacity");
            separator = ", ";
        }
        if (notActive > 0) {
            why.append(separator).append(notActive).append(" not active");
            separator = ", ";
        }
        if (excluded > 0) {
            why.append(separator).append(excluded).append(" already tried");
        }
        return why.toString();
    }
}
