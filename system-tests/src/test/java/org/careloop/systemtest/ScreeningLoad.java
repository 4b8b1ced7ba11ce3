package org.careloop.systemtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A clinic system posting screenings at a steady pace in the background, the way a real client behaves: it retries a
 * screening after a 503 (honouring Retry-After) or when the service cannot be reached, and remembers the id of every
 * screening the service accepted. What it saw is kept for the test to check.
 */
final class ScreeningLoad implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Supplier<String> token;
    private final String answers;
    private final int count;
    private final Duration pause;
    private final Thread thread;

    /** Ids of the screenings the service accepted (201). */
    final List<String> accepted = new CopyOnWriteArrayList<>();

    /** HTTP statuses answered, with how often; 0 for "could not connect". */
    final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();

    /** Retry-After values seen on 503 answers. */
    final List<String> retryAfter = new CopyOnWriteArrayList<>();

    private volatile Throwable failure;

    ScreeningLoad(Supplier<String> token, String answers, int count, Duration pause) {
        this.token = token;
        this.answers = answers;
        this.count = count;
        this.pause = pause;
        this.thread = new Thread(this::run, "screening-load");
        this.thread.setDaemon(true);
    }

    ScreeningLoad start() {
        thread.start();
        return this;
    }

    /** Waits until every screening has been accepted (retrying through outages), at most {@code timeout}. */
    void await(Duration timeout) throws InterruptedException {
        thread.join(timeout.toMillis());
        if (thread.isAlive()) {
            throw new AssertionError("The load did not finish within " + timeout + "; accepted " + accepted.size()
                    + " of " + count + ", statuses " + statuses);
        }
        if (failure != null) {
            throw new AssertionError("The load failed", failure);
        }
    }

    int status(int code) {
        AtomicInteger n = statuses.get(code);
        return n == null ? 0 : n.get();
    }

    private void run() {
        try {
            for (int i = 0; i < count; i++) {
                postUntilAccepted("systest-load-" + UUID.randomUUID());
                Thread.sleep(pause.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | IOException e) {
            failure = e;
        }
    }

    private void postUntilAccepted(String patientId) throws InterruptedException, IOException {
        String body = """
                {"patientId":"%s","instrument":"AHC-HRSN","answers":%s,
                 "consent":{"shareWithCommunityOrganizations":true}}
                """.formatted(patientId, answers);
        while (true) {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(Api.url(Stack.SCREENING_PORT, "/api/v1/screenings")))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token.get())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            int status;
            HttpResponse<String> response = null;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
            } catch (IOException e) {
                status = 0; // not reachable: the service is restarting
            }
            statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
            if (status == 201) {
                accepted.add(JSON.readTree(response.body()).get("id").asText());
                return;
            }
            if (status == 503) {
                response.headers().firstValue("Retry-After").ifPresent(retryAfter::add);
                Thread.sleep(1000);
            } else if (status == 0) {
                Thread.sleep(500);
            } else {
                throw new IllegalStateException(
                        "Screening answered " + status + ": " + (response == null ? "" : response.body()));
            }
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
