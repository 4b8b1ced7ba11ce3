package org.careloop.directory.matching.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.careloop.contracts.codes.AgeBands;
import org.careloop.directory.matching.Candidate;
import org.careloop.directory.matching.Person;
import org.careloop.directory.matching.RankedCandidate;
import org.careloop.directory.matching.Scores;
import org.careloop.directory.matching.service.MatchingService;
import org.careloop.directory.sdoh.SdohCategoryCode;
import org.careloop.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Ranked services for a need, with the reason for each rank. */
@Path("/api/v1/matches")
@Tag(name = "Matching", description = "Services with capacity for a need, best first")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class MatchResource {

    public static final int MAX_LIMIT = 50;

    private final MatchingService matching;

    public MatchResource(MatchingService matching) {
        this.matching = matching;
    }

    @GET
    @Operation(
            summary = "Rank services for a category",
            description = "Active services with places free after holds (or no published capacity, ranked below), that"
                    + " cover the person's place, accept the age band and speak the language or offer interpretation"
                    + " (each filter only when given), by a weighted score of places free, acceptance rate, time to"
                    + " acknowledge, freshness, recent load and distance (see the service README); ties by id."
                    + " Reading holds nothing.")
    @APIResponse(responseCode = "200", description = "The candidates, best first; empty when none qualifies")
    @APIResponse(
            responseCode = "400",
            description = "Missing or unknown category, limit out of range, or a malformed postal_code, age_band or"
                    + " language")
    @APIResponse(responseCode = "401", description = "No valid token")
    public Uni<List<MatchView>> match(
            @QueryParam("category") @NotNull @SdohCategoryCode @Parameter(description = "SDOHCC category code")
                    String category,
            @QueryParam("limit")
                    @DefaultValue("5")
                    @Min(value = 1, message = "must be between 1 and " + MAX_LIMIT)
                    @Max(value = MAX_LIMIT, message = "must be between 1 and " + MAX_LIMIT)
                    @Parameter(description = "How many candidates, 1 to 50")
                    int limit,
            @QueryParam("postal_code")
                    @Parameter(description = "The person's postal code (ZIP or ZIP+4; only the 5 digits are used)")
                    String postalCode,
            @QueryParam("age_band") @Parameter(description = "The person's age band: 0-17, 18-25, 26-44, 45-64 or 65+")
                    String ageBand,
            @QueryParam("language")
                    @Parameter(
                            description = "The person's preferred language, a BCP-47 tag (its primary subtag counts)")
                    String language) {
        // Checked here rather than with @Pattern so that the problem names the query parameter, not the Java one.
        Person person = Person.of(
                checked("postal_code", postalCode, "[0-9]{5}(-[0-9]{4})?", "must be a 5-digit postal code or ZIP+4"),
                checked("age_band", ageBand, AgeBands.PATTERN, "must be one of 0-17, 18-25, 26-44, 45-64, 65+"),
                checked("language", language, "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", "must be a BCP-47 language tag"));
        return matching.match(category, limit, person)
                .map(outcome ->
                        outcome.ranked().stream().map(MatchResource::toView).toList());
    }

    private static String checked(String parameter, String value, String pattern, String message) {
        if (value != null && !value.matches(pattern)) {
            throw ProblemException.badRequest(parameter, message);
        }
        return value;
    }

    private static MatchView toView(RankedCandidate ranked) {
        Candidate c = ranked.candidate();
        Scores s = ranked.scores();
        return new MatchView(
                ranked.rank(),
                c.serviceId(),
                c.organizationId(),
                c.available(),
                ranked.reason(),
                MatchingService.roundScore(ranked.score()),
                new MatchView.ScoresView(
                        MatchingService.roundScore(s.capacity()),
                        MatchingService.roundScore(s.acceptance()),
                        MatchingService.roundScore(s.acknowledgement()),
                        MatchingService.roundScore(s.freshness()),
                        MatchingService.roundScore(s.load()),
                        MatchingService.roundScore(s.distance())),
                c.held(),
                c.maximum(),
                c.unit(),
                c.assuredDate(),
                MatchingService.roundScore(c.responsiveness().acceptanceRate()),
                c.responsiveness().medianHoursToAcknowledge() == null
                        ? null
                        : MatchingService.roundScore(c.responsiveness().medianHoursToAcknowledge()),
                c.recentHolds(),
                c.fit().distanceKm() == null ? null : Math.round(c.fit().distanceKm() * 10) / 10.0,
                c.capacityKnown());
    }
}
