package org.careloop.platform.outbox;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.careloop.platform.problem.Problem;
import org.careloop.platform.problem.ProblemException;
import org.careloop.platform.rest.Page;
import org.careloop.platform.rest.PageRequest;
import org.careloop.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators look at this service's outbox: its backlog, the rows parked after failing, and retry them. */
@Path("/api/v1/outbox")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
@Tag(name = "Outbox", description = "Operations: events waiting to be published, and parked events")
public class OutboxResource {

    private final OutboxRepository repository;

    public OutboxResource(OutboxRepository repository) {
        this.repository = repository;
    }

    /**
     * An outbox row as operators see it (no payload: it may be large, and operators need the ids).
     *
     * @param id the row's id, for retry
     * @param eventId the event's {@code ce_id}
     * @param topic target topic
     * @param key record key (the aggregate id)
     * @param type CloudEvents type
     * @param createdAt when it was written
     * @param attempts failed attempts so far
     * @param lastError the last failure
     * @param parkedAt when it was parked, null while pending
     */
    public record OutboxEntryView(
            long id,
            UUID eventId,
            String topic,
            String key,
            String type,
            Instant createdAt,
            int attempts,
            String lastError,
            Instant parkedAt) {

        static OutboxEntryView of(OutboxEvent e) {
            return new OutboxEntryView(
                    e.id, e.eventId, e.topic, e.eventKey, e.type, e.createdAt, e.attempts, e.lastError, e.parkedAt);
        }
    }

    /**
     * The backlog.
     *
     * @param pending unsent rows that are not parked
     * @param oldestPendingAt when the oldest pending row was written, null when none
     * @param parked parked rows
     */
    public record BacklogView(long pending, Instant oldestPendingAt, long parked) {}

    @GET
    @WithSession
    @Operation(summary = "Unpublished events: pending (the default) or parked after too many failed attempts")
    @APIResponse(responseCode = "200", description = "One page, oldest first")
    @APIResponse(
            responseCode = "400",
            description = "Unknown state or bad paging",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<OutboxEntryView>> list(
            @QueryParam("state")
                    @DefaultValue("pending")
                    @Pattern(regexp = "pending|parked", message = "must be pending or parked")
                    @Parameter(description = "pending or parked")
                    String state,
            @BeanParam @Valid PageRequest page) {
        boolean parked = "parked".equals(state);
        return repository.findPage(parked, page.page, page.size).chain(items -> repository
                .countPage(parked)
                .map(total -> Page.of(items.stream().map(OutboxEntryView::of).toList(), page, total)));
    }

    @GET
    @Path("/backlog")
    @WithSession
    @Operation(summary = "How many events wait, since when, and how many are parked")
    @APIResponse(responseCode = "200", description = "The backlog now")
    public Uni<BacklogView> backlog() {
        return repository
                .backlog()
                .map(stats -> new BacklogView(stats.pending(), stats.oldestPending(), stats.parked()));
    }

    @POST
    @Path("/{id}/retry")
    @WithTransaction
    @Operation(summary = "Put a parked event back in the queue, with a fresh attempt count")
    @APIResponse(responseCode = "204", description = "Queued again")
    @APIResponse(
            responseCode = "404",
            description = "No parked event with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Void> retry(@PathParam("id") long id) {
        return repository
                .unpark(id)
                .invoke(done -> {
                    if (!done) {
                        throw ProblemException.notFound("Parked outbox event", id);
                    }
                })
                .replaceWithVoid();
    }
}
