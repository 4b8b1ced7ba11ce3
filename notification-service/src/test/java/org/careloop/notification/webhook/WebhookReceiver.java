package org.careloop.notification.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/** A partner's webhook endpoint in the test JVM: records every request and answers as told. */
public final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as received. */
    public record Received(
            String id, String timestamp, String signature, String body, JsonNode json, int answered, Instant at) {

        public String type() {
            return json.path("type").asText();
        }

        public JsonNode data() {
            return json.path("data");
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile IntSupplier answer = () -> 204;

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                requests.incrementAndGet();
                int status = answer.getAsInt();
                var h = exchange.getRequestHeaders();
                received.add(new Received(
                        h.getFirst("webhook-id"),
                        h.getFirst("webhook-timestamp"),
                        h.getFirst("webhook-signature"),
                        body,
                        JSON.readTree(body),
                        status,
                        Instant.now()));
                exchange.sendResponseHeaders(status, -1);
            } finally {
                exchange.close();
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Answers with this status from now on. */
    public void answer(int status) {
        this.answer = () -> status;
    }

    /** Answers {@code failing} for the next {@code count} requests, then 204. */
    public void failNext(int count, int failing) {
        AtomicInteger left = new AtomicInteger(count);
        this.answer = () -> left.getAndDecrement() > 0 ? failing : 204;
    }

    public List<Received> all() {
        return List.copyOf(received);
    }

    /** The requests answered 2xx. */
    public List<Received> delivered() {
        return received.stream().filter(r -> r.answered() / 100 == 2).toList();
    }

    /** Delivered requests about a referral, in arrival order. */
    public List<Received> deliveredFor(String referralId) {
        return delivered().stream()
                .filter(r -> referralId.equals(r.data().path("referralId").asText()))
                .toList();
    }

    public Map<String, Object> subscription(List<String> types) {
        return Map.of("url", url(), "types", types);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
