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
 * Ranks services for a need with a weighted, explainable score. A candidate qualifies when it is {@code active} and
 * has places free after holds, or publishes no capacity at all (capacity "unknown"); the match query has already
 * checked the person's place, age and language. Services with places rank above services with capacity unknown; within
 * each group the score is the weighted mean of six parts, each from 0 to 1:
 *
 * <ul>
 *   <li>capacity: {@code available / (available + capacityScale)}, more places score higher with diminishing returns;
 *       0 when capacity is unknown;
 *   <li>acceptance: {@code (accepted + 1) / (responses + 2)}, a recall counting as a response that did not accept;
 *   <li>acknowledgement: {@code scale / (scale + t)} where {@code t} is the median time to acknowledge pulled towards a
 *       neutral prior when samples are few: {@code t = (n * median + k * prior) / (n + k)};
 *   <li>freshness: {@code scale / (scale + age)} of {@code assured_date}, 0 when never assured;
 *   <li>load: {@code (least + 1) / (recent + 1)}, where {@code recent} counts the holds its organization took within the
 *       load window and {@code least} is the lowest such count among the qualified candidates, so that equal candidates
 *       take turns;
 *   <li>distance: {@code scale / (scale + km)} from its nearest location to the person's postal code centroid; 0.5
 *       (neutral) when the distance is not known (no postal code, or a service covering the place by area without a
 *       located location).
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
                .sorted(Comparator.comparing((Scored s) -> !s.candidate().capacityKnown())
                        .thenComparing(Comparator.comparingDouble(Scored::score).reversed())
                        .thenComparing(s -> s.candidate().serviceId()))
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
        return c.status() == ServiceStatus.ACTIVE && (c.available() == null || c.available() > 0);
    }

    private Scored score(Candidate c, int least, LocalDate today) {
        Scores scores = new Scores(
                c.capacityKnown() ? capacity(c.available()) : 0,
                c.responsiveness().acceptanceRate(),
                acknowledgement(c.responsiveness()),
                freshness(c.assuredDate(), today),
                load(c.recentHolds(), least),
                distance(c.fit().distanceKm()));
        RankingSettings.Weights w = settings.weights();
        double weighted = w.capacity() * scores.capacity()
                + w.acceptance() * scores.acceptance()
                + w.acknowledgement() * scores.acknowledgement()
                + w.freshness() * scores.freshness()
                + w.load() * scores.load()
                + w.distance() * scores.distance();
        return new Scored(c, weighted / w.total(), scores);
    }

    double capacity(int available) {
        return available / (double) (available + settings.capacityScale());
    }

    /** Closer scores higher: {@code scale / (scale + km)}; 0.5 when the distance is not known. */
    double distance(Double km) {
        if (km == null) {
            return 0.5;
        }
        return settings.distanceScaleKm() / (settings.distanceScaleKm() + Math.max(0, km));
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
     * Why a candidate ranks where it does, e.g. {@code 2.4 km (serves within 25 km), speaks Spanish, open to 65+, active,
     * 24 of 40 household places free (1 held), accepts 80% (4 of 5), acknowledges in 3 h (median of 5), assured
     * 2026-11-01, 2 referrals in the last 24 h}. The place, language and age parts say "unknown" for a fact the person
     * has not given, and are left out when none is given (a match without person facts reads as before).
     */
    String reason(Candidate c) {
        ResponsivenessStats r = c.responsiveness();
        StringBuilder why = new StringBuilder(fit(c.fit()));
        why.append(c.status().code()).append(", ");
        if (!c.capacityKnown()) {
            why.append("capacity unknown");
        } else {
            if (c.maximum() != null) {
                why.append(c.available()).append(" of ").append(c.maximum());
            } else {
                why.append(c.available());
            }
            String unit = c.unit();
            if (unit != null
                    && !unit.isBlank()
                    && !unit.equalsIgnoreCase("place")
                    && !unit.equalsIgnoreCase("places")) {
                why.append(' ').append(unit);
            }
            why.append(c.available() == 1 ? " place free" : " places free");
        }
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

    /** The place, language and age parts of a reason, each followed by ", "; empty when the person is unknown. */
    static String fit(Candidate.Fit fit) {
        Person person = fit.person();
        if (person.equals(Person.UNKNOWN)) {
            return "";
        }
        StringBuilder why = new StringBuilder();
        if (person.postalCode() == null) {
            why.append("place unknown");
        } else if (fit.coveredByArea()) {
            why.append("serves ").append(person.postalCode());
            if (fit.distanceKm() != null) {
                why.append(", ").append(kilometres(fit.distanceKm()));
            }
        } else if (fit.distanceKm() != null) {
            why.append(kilometres(fit.distanceKm()))
                    .append(" (serves within ")
                    .append(kilometres(fit.radiusKm()))
                    .append(')');
        } else {
            why.append("place not checked");
        }
        why.append(", ");
        if (person.language() == null) {
            why.append("language unknown");
        } else if (fit.speaksLanguage()) {
            why.append("speaks ")
                    .append(
                            fit.languageName() == null || fit.languageName().isBlank()
                                    ? Person.languageName(person.language())
                                    : fit.languageName());
        } else if (fit.interpretation()) {
            why.append("interpretation for ").append(Person.languageName(person.language()));
        } else if (!fit.languagesPublished()) {
            why.append("languages not published");
        } else {
            why.append("language not checked");
        }
        why.append(", ");
        why.append(person.ageBand() == null ? "age unknown" : "open to " + person.ageBand());
        return why.append(", ").toString();
    }

    /** Kilometres with one decimal under 10 km, whole above: {@code 2.4 km}, {@code 25 km}. */
    static String kilometres(double km) {
        if (km < 10) {
            return String.format(Locale.ROOT, "%.1f km", km);
        }
        return Math.round(km) + " km";
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
        int notActive = (int)
                listed.stream().filter(c -> c.status() != ServiceStatus.ACTIVE).count();
        int full = listed.size()
                - notActive
                - (int) listed.stream().filter(Ranking::qualifies).count();
        return whyUnmatched(
                category,
                Person.UNKNOWN,
                new Unqualified(listed.size() + excluded, excluded, 0, notActive, 0, 0, 0, full));
    }

    /**
     * Why nothing qualified, with counts per reason, e.g. {@code no service qualifies for food-insecurity: 3 out of area,
     * 1 does not accept age 65+, 2 full}.
     */
    public static String whyUnmatched(String category, Person person, Unqualified u) {
        if (!SdohCategories.isCode(category)) {
            return "'" + category + "' is not an SDOHCC category code";
        }
        if (u.listed() == 0) {
            return "no service in the directory addresses " + category;
        }
        StringBuilder why =
                new StringBuilder("no service qualifies for ").append(category).append(':');
        String[] separator = {" "};
        java.util.function.BiConsumer<Integer, String> part = (count, text) -> {
            if (count > 0) {
                why.append(separator[0]).append(count).append(' ').append(text);
                separator[0] = ", ";
            }
        };
        part.accept(u.outOfArea(), "out of area");
        part.accept(u.age(), (u.age() == 1 ? "does" : "do") + " not accept age " + orUnknown(person.ageBand(), "band"));
        part.accept(
                u.language(),
                (u.language() == 1 ? "does" : "do") + " not speak "
                        + (person.language() == null ? "the language" : Person.languageName(person.language()))
                        + " or offer interpretation");
        part.accept(u.full(), "full");
        part.accept(u.notActive(), "not active");
        part.accept(u.outsideConsent(), "outside the person's consent");
        part.accept(u.tried(), "already tried");
        if (separator[0].equals(" ")) {
            why.append(" none listed qualifies");
        }
        return why.toString();
    }

    private static String orUnknown(String value, String what) {
        return value == null ? "(" + what + " unknown)" : value;
    }
}
