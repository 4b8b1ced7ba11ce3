package org.careloop.notification.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.careloop.notification.config.WebhookConfig;
import org.careloop.notification.delivery.Attempt;
import org.careloop.notification.delivery.DeliveryChannel;
import org.careloop.notification.delivery.Destination;
import org.careloop.notification.delivery.Destinations;
import org.careloop.notification.delivery.Notice;
import org.careloop.notification.webhook.repository.SecretRepository;
import org.careloop.notification.webhook.repository.SubscriptionRepository;
import org.careloop.notification.webhook.service.SubscriptionService;

/**
 * Webhooks, the Standard Webhooks way: each delivery is a {@code POST} of {@code {"type", "timestamp", "data"}} (the
 * notice) with {@code webhook-id} (the notice id, the same on every retry), {@code webhook-timestamp} (seconds, at the
 * attempt) and {@code webhook-signature} (one {@code v1,} HMAC-SHA256 signature per valid secret). A 2xx answer is
 * delivered; 410 Gone refuses the delivery for good; anything else, a timeout or a refused connection is retried.
 * Redirects are not followed.
 */
@ApplicationScoped
public class WebhookChannel implements DeliveryChannel {

    public static final String NAME = "webhook";

    private static final int MAX_ERROR = 200;

    private final SubscriptionRepository subscriptions;
    private final SecretRepository secrets;
    private final ObjectMapper mapper;
    private final WebhookConfig config;
    private final HttpClient client;
    private final SubscriptionService service;

    /** What {@link #deliver} needs of each subscription of the batches in flight, loaded when they were claimed. */
    private final Map<UUID, Endpoint> endpoints = new ConcurrentHashMap<>();

    private record Endpoint(String url, List<String> secrets) {}

    /** How long a host's checked address is reused before it is resolved and checked again. */
    private static final long RESOLVED_FOR_MILLIS = 60_000;

    /** A host's address as last resolved and checked: the address to connect to, or why there is none. */
    private record Resolved(String address, String fault, long until) {}

    private final Map<String, Resolved> resolved = new ConcurrentHashMap<>();
    private final Vertx vertx;

    public WebhookChannel(
            SubscriptionRepository subscriptions,
            SecretRepository secrets,
            ObjectMapper mapper,
            WebhookConfig config,
            SubscriptionService service,
            Vertx vertx) {
        this.service = service;
        this.vertx = vertx;
        this.subscriptions = subscriptions;
        this.secrets = secrets;
        this.mapper = mapper;
        this.config = config;
        int timeout = (int) Math.min(Integer.MAX_VALUE, config.timeout().toMillis());
        this.client = vertx.createHttpClient(
                new HttpClientOptions()
                        .setConnectTimeout(timeout)
                        .setKeepAlive(true)
                        .setForceSni(true)
                        .setTrustAll(false)
                        .setVerifyHost(true),
                new PoolOptions()
                        .setHttp1MaxSize(config.maxConnectionsPerHost())
                        .setMaxWaitQueueSize(-1));
    }

    @PreDestroy
    void close() {
        client.closeAndAwait();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Uni<List<List<Destination>>> destinations(List<Notice> notices) {
        List<String> organizations = Destinations.organizations(notices);
        if (organizations.isEmpty()) {
            return Uni.createFrom().item(Destinations.none(notices));
        }
        return subscriptions
                .ofOrganizations(organizations)
                .map(subs -> Destinations.match(
                        notices,
                        subs,
                        (s, n) -> s.organizationId.equals(n.organizationId())
                                && s.typeList().contains(n.type()),
                        s -> new Destination(NAME, s.id.toString(), s.organizationId, null)));
    }

    @Override
    public Uni<Void> prepare(List<Destination> batch) {
        List<UUID> ids =
                batch.stream().map(d -> UUID.fromString(d.target())).distinct().toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = Instant.now();
        return subscriptions.list("id in ?1", ids).chain(subs -> secrets.valid(ids, now)
                .invoke(keys -> {
                    Map<UUID, List<String>> byId = keys.stream()
                            .collect(Collectors.groupingBy(
                                    k -> k.subscriptionId,
                                    LinkedHashMap::new,
                                    Collectors.mapping(k -> k.secret, Collectors.toList())));
                    Set<UUID> found = new java.util.HashSet<>();
                    for (WebhookSubscription s : subs) {
                        found.add(s.id);
                        endpoints.put(s.id, new Endpoint(s.url, byId.getOrDefault(s.id, List.of())));
                    }
                    ids.stream().filter(id -> !found.contains(id)).forEach(endpoints::remove);
                })
                .replaceWithVoid());
    }

    @Override
    public Uni<Attempt> deliver(Notice notice, Destination destination, UUID deliveryId, int attempt) {
        Endpoint endpoint = endpoints.get(UUID.fromString(destination.target()));
        if (endpoint == null) {
            return Uni.createFrom().item(new Attempt(false, null, 0, "subscription no longer exists", false));
        }
        String body;
        try {
            body = body(notice);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().item(new Attempt(false, null, 0, "notice not serializable", false));
        }
        URI uri = URI.create(endpoint.url());
        long start = System.nanoTime();
        return address(uri.getHost()).chain(address -> {
            if (address.fault() != null) {
                return Uni.createFrom()
                        .item(Attempt.failed(null, (System.nanoTime() - start) / 1_000_000, address.fault()));
            }
            return post(notice, endpoint, body, uri, address.address(), start);
        });
    }

    private Uni<Attempt> post(Notice notice, Endpoint endpoint, String body, URI uri, String address, long start) {
        long timestamp = Instant.now().getEpochSecond();
        String id = notice.id().toString();
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(endpoint.url())
                // Connect to the address that was checked, not to whatever the name resolves to by then.
                .setServer(SocketAddress.inetSocketAddress(port, address))
                .setFollowRedirects(false)
                .setTimeout(config.timeout().toMillis())
                .putHeader("content-type", "application/json")
                .putHeader("user-agent", "CareLoop-Webhooks/1")
                .putHeader("webhook-id", id)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", WebhookSignatures.header(endpoint.secrets(), id, timestamp, body));
        return client.request(options)
                .chain(request -> request.send(Buffer.buffer(body)))
                .chain(response -> response.end().replaceWith(response.statusCode()))
                .map(status -> {
                    long latency = (System.nanoTime() - start) / 1_000_000;
                    if (status >= 200 && status < 300) {
                        return Attempt.ok(status, latency);
                    }
                    String error = "endpoint answered " + status;
                    return status == 410
                            ? new Attempt(false, status, latency, error + " (gone)", false)
                            : Attempt.failed(status, latency, error);
                })
                .onFailure()
                .recoverWithItem(
                        failure -> Attempt.failed(null, (System.nanoTime() - start) / 1_000_000, describe(failure)));
    }

    /**
     * The address to connect to for a host: resolved (on a worker thread) and checked against the endpoint rules at
     * most once a minute, so that a name which comes to point into a private network (DNS rebinding) is refused at
     * delivery time too, not only when the subscription was made.
     */
    private Uni<Resolved> address(String host) {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        Resolved known = resolved.get(name);
        long now = System.currentTimeMillis();
        if (known != null && known.until() > now) {
            return Uni.createFrom().item(known);
        }
        return vertx.executeBlocking(Uni.createFrom().item(() -> resolve(name))).invoke(r -> resolved.put(name, r));
    }

    private Resolved resolve(String name) {
        WebhookUrls.Checked checked = WebhookUrls.connectAddress(name, config.allowPrivateAddresses());
        long ttl = checked.fault() == null ? RESOLVED_FOR_MILLIS : 5_000;
        return new Resolved(checked.address(), checked.fault(), System.currentTimeMillis() + ttl);
    }

    @Override
    public Uni<Void> failedForGood(Destination destination, String reason) {
        return service.pauseForFailure(UUID.fromString(destination.target()), reason);
    }

    /** The body: {@code {"type": ..., "timestamp": ..., "data": <notice>}}. */
    public String body(Notice notice) throws JsonProcessingException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", notice.type());
        body.put("timestamp", notice.occurredAt().toString());
        body.put("data", notice);
        return mapper.writeValueAsString(body);
    }

    private static String describe(Throwable failure) {
        List<String> parts = new ArrayList<>();
        parts.add(failure.getClass().getSimpleName());
        if (failure.getMessage() != null) {
            parts.add(failure.getMessage());
        }
        String text = String.join(": ", parts);
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
    }
}
