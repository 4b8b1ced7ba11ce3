package org.careloop.directory.matching;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.careloop.directory.catalog.ServiceStatus;
import org.careloop.directory.sdoh.SdohCategories;

/**
 * Ranks services for a need. A candidate qualifies when it is {@code active} and has places available; the most
 * places first (the likeliest to accept), then the most recently assured (the likeliest to be accurate), then by id
 * so equal candidates always come out in the same order. Pure logic: no I/O, no clock.
 */
public final class Ranking {

    static final Comparator<Candidate> ORDER = Comparator.comparing(Candidate::available, Comparator.reverseOrder())
            .thenComparing(Candidate::assuredDate, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Candidate::serviceId);

    private Ranking() {}

    /**
     * Ranks the candidates listed under {@code category}; candidates of other categories are ignored.
     *
     * @param limit how many to return, at least 1
     */
    public static MatchOutcome rank(String category, Collection<Candidate> candidates, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        List<Candidate> listed =
                candidates.stream().filter(c -> c.category().equals(category)).toList();
        List<Candidate> qualified = listed.stream()
                .filter(Ranking::qualifies)
                .sorted(ORDER)
                .limit(limit)
                .toList();
        List<RankedCandidate> ranked = IntStream.range(0, qualified.size())
                .mapToObj(i -> new RankedCandidate(i + 1, qualified.get(i), reason(qualified.get(i))))
                .toList();
        return new MatchOutcome(category, ranked, ranked.isEmpty() ? whyUnmatched(category, listed) : null);
    }

    static boolean qualifies(Candidate c) {
        return c.status() == ServiceStatus.ACTIVE && c.available() != null && c.available() > 0;
    }

    static String reason(Candidate c) {
        return "%s, %d %s places available, %s"
                .formatted(
                        c.status().code(),
                        c.available(),
                        c.unit(),
                        c.assuredDate() == null ? "never assured" : "assured " + c.assuredDate());
    }

    static String whyUnmatched(String category, List<Candidate> listed) {
        if (!SdohCategories.isCode(category)) {
            return "'" + category + "' is not an SDOHCC category code";
        }
        if (listed.isEmpty()) {
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
        }
        return why.toString();
    }
}
