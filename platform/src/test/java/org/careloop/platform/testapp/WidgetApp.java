package org.careloop.platform.testapp;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.careloop.platform.inbox.AfterCommit;
import org.careloop.platform.inbox.IdempotentConsumer;
import org.careloop.platform.outbox.EventOutbox;
import org.careloop.platform.problem.ProblemException;
import org.careloop.platform.rest.Page;
import org.careloop.platform.rest.PageRequest;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** A minimal service built only from platform parts: REST, outbox, idempotent consumer. */
public class WidgetApp {

    /** Request body with nested validation, to check the field paths of problem responses. */
    public record CreateWidget(
            @NotBlank String name, @NotNull @Size(max = 3) List<@Valid Part> parts, UUID id) {}

    /** Kinds of widget, to check how enums are read. */
    public enum Kind {
        SMALL,
        LARGE
    }

    /** A body with one field of each JSON type, to check that none is coerced from another. */
    public record Typed(
            String text,
            Boolean flag,
            boolean primitiveFlag,
            Integer count,
            int primitiveCount,
            java.time.LocalDate day,
            java.time.Instant at,
            UUID ref,
            List<String> tags,
            Kind kind) {}

    /** A nested element. */
    public record Part(@NotBlank String code, @Max(10) int quantity) {}

    /** Writes a widget and its event in one transaction. */
    @ApplicationScoped
    public static class WidgetService {
        private final EventOutbox outbox;

        public WidgetService(EventOutbox outbox) {
            this.outbox = outbox;
        }

        @WithTransaction
        public Uni<Widget> create(String name, UUID id) {
            Widget widget = new Widget();
            widget.id = id != null ? id : UUID.randomUUID();
            widget.name = name;
            return Panache.getSession()
                    .chain(s -> s.persist(widget))
                    .chain(() -> outbox.append(
                            WidgetCreated.TOPIC,
                            WidgetCreated.TYPE,
                            widget.id.toString(),
                            new WidgetCreated(widget.id, name)))
                    .chain(() -> name.equals("explode-after-outbox")
                            ? Uni.createFrom().failure(new IllegalStateException("boom"))
                            : Uni.createFrom().item(widget));
        }
    }

    /** REST surface of the test application. */
    @Path("/widgets")
    @PermitAll
    public static class WidgetResource {
        private final WidgetService service;

        public WidgetResource(WidgetService service) {
            this.service = service;
        }

        @POST
        public Uni<Widget> create(@Valid @NotNull CreateWidget body) {
            return service.create(body.name(), body.id());
        }

        @POST
        @Path("/typed")
        @jakarta.ws.rs.Consumes(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
        public Typed typed(@Valid @NotNull Typed body) {
            return body;
        }

        @GET
        @Path("/{id}")
        public Uni<Widget> get(@jakarta.ws.rs.PathParam("id") UUID id) {
            return Panache.withSession(() -> Panache.getSession().chain(s -> s.find(Widget.class, id)))
                    .map(found -> {
                        if (found == null) {
                            throw ProblemException.notFound("Widget", id);
                        }
                        return found;
                    });
        }

        @GET
        @Path("/count")
        public String count(@QueryParam("n") Integer n, @QueryParam("active") Boolean active) {
            return n + "/" + active;
        }

        @GET
        public Page<String> list(@Valid @BeanParam PageRequest page, @QueryParam("missing") String missing) {
            if ("yes".equals(missing)) {
                throw ProblemException.notFound("Widget", "w-1");
            }
            if ("database-down".equals(missing)) {
                // What a query raises when PostgreSQL refuses connections.
                throw new org.hibernate.HibernateException(
                        "Could not open a connection", new java.net.ConnectException("Connection refused"));
            }
            return Page.of(List.of("a"), page, 1);
        }
    }

    /** Side effects that ran after a consumer transaction committed. */
    public static final AtomicInteger AFTER_COMMIT_ACTIONS = new AtomicInteger();

    /** Attempts at applying the "flaky" widget; the first one fails. */
    public static final AtomicInteger FLAKY_ATTEMPTS = new AtomicInteger();

    /** Attempts at applying the "outage" widget; the first six fail as if the database were down. */
    public static final AtomicInteger OUTAGE_ATTEMPTS = new AtomicInteger();

    /** How many attempts at the "outage" widget fail: more than the retries allowed for other failures. */
    public static final int OUTAGE_FAILURES = 6;

    /** Applies widget events at most once. */
    @ApplicationScoped
    public static class WidgetConsumer {
        private final IdempotentConsumer consumer;

        public WidgetConsumer(IdempotentConsumer consumer) {
            this.consumer = consumer;
        }

        @Incoming(WidgetCreated.TOPIC)
        public Uni<Void> onWidget(Message<String> message) {
            return consumer.consume(message, WidgetCreated.TYPE, WidgetCreated.class, event -> {
                if (event.data().name().equals("poison")) {
                    throw new org.careloop.platform.inbox.PoisonMessageException("poison widget");
                }
                AfterCommit.run(AFTER_COMMIT_ACTIONS::incrementAndGet);
                if (event.data().name().equals("outage") && OUTAGE_ATTEMPTS.incrementAndGet() <= OUTAGE_FAILURES) {
                    return Uni.createFrom()
                            .failure(new org.hibernate.HibernateException(
                                    "Could not open a connection",
                                    new java.net.ConnectException("Connection refused")));
                }
                if (event.data().name().equals("flaky") && FLAKY_ATTEMPTS.incrementAndGet() == 1) {
                    return Uni.createFrom().failure(new IllegalStateException("transient failure, first attempt"));
                }
                WidgetEcho echo = new WidgetEcho();
                echo.eventId = event.id();
                echo.widgetId = event.data().widgetId();
                echo.name = event.data().name();
                return Panache.getSession().chain(s -> s.persist(echo));
            });
        }
    }
}
