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
import org.careloop.directory.matching.Candidate;
import org.careloop.directory.matching.RankedCandidate;
import org.careloop.directory.matching.Scores;
import org.careloop.directory.matching.service.MatchingService;
import org.careloop.directory.sdoh.SdohCategoryCode;
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
            description = "Active services with places free after holds, by a weighted score of places free, acceptance"
                    + " rate, time to acknowledge, freshness and recent load (see the service README); ties by id."
                    + " Reading holds nothing.")
    @APIResponse(responseCode = "200", description = "The candidates, best first; empty when none qualifies")
    @APIResponse(responseCode = "400", description = "Missing or unknown category, or limit out of range")
    @APIResponse(responseCode = "401", description = "No valid token")
    public Uni<List<MatchView>> match(
            @QueryParam("category") @NotNull @SdohCategoryCode @Parameter(description = "SDOHCC category code")
                    String category,
            @QueryParam("limit")
                    @DefaultValue("5")
                    @Min(value = 1, message = "must be between 1 and " + MAX_LIMIT)
                    @Max(value = MAX_LIMIT, message = "must be between 1 and " + MAX_LIMIT)
                    @Parameter(description = "How many candidates, 1 to 50")
                    int limit) {
        return matching.match(category, limit)
                .map(outcome ->
                        outcome.ranked().stream().map(MatchResource::toView).toList());
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
                        MatchingService.roundScore(s.load())),
                c.held(),
                c.maximum(),
                c.unit(),
                c.assuredDate(),
                MatchingService.roundScore(c.responsiveness().acceptanceRate()),
                c.responsiveness().medianHoursToAcknowledge() == null
                        ? null
                        : MatchingService.roundScore(c.responsiveness().medianHoursToAcknowledge()),
                c.recentHolds());
    }
}
