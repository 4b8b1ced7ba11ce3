package org.careloop.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Real access tokens from a Keycloak realm, for the demo users and clients of deploy/keycloak/careloop-realm.json. */
public final class Tokens {

    /** Password of every demo user. */
    public static final String DEMO_PASSWORD = "demo";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Token> CACHE = new ConcurrentHashMap<>();

    /** A token and when to stop using it (a minute before it expires). */
    private record Token(String value, Instant renewAt) {}

    private Tokens() {}

    /** Token of a demo user from the test Keycloak, e.g. {@code Tokens.user("foodbank-staff")}. */
    public static String user(String username) {
        return user(KeycloakTestResource.realmUrl(), username);
    }

    /** Token of a demo user from the realm at {@code realmUrl} (password grant through the public CLI client). */
    public static String user(String realmUrl, String username) {
        return cached(
                realmUrl + "|user|" + username,
                () -> request(
                        realmUrl,
                        Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                "careloop-cli",
                                "username",
                                username,
                                "password",
                                DEMO_PASSWORD)));
    }

    /**
     * Token of a confidential client of the test Keycloak (client-credentials grant), e.g.
     * {@code Tokens.client("careloop-ops", "careloop-ops-secret")}, or {@code other-audience}, whose tokens carry none
     * of the services' audiences.
     */
    public static String client(String clientId, String secret) {
        return client(KeycloakTestResource.realmUrl(), clientId, secret);
    }

    /** Token of a confidential client (client-credentials grant), e.g. {@code clinic-ehr}. */
    public static String client(String realmUrl, String clientId, String secret) {
        return cached(
                realmUrl + "|client|" + clientId,
                () -> request(
                        realmUrl,
                        Map.of(
                                "grant_type", "client_credentials",
                                "client_id", clientId,
                                "client_secret", secret)));
    }

    private static String cached(String key, Supplier<Token> fetch) {
        return CACHE.compute(key, (k, old) -> old != null && Instant.now().isBefore(old.renewAt()) ? old : fetch.get())
                .value();
    }

    private static Token request(String realmUrl, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "Keycloak refused a token (" + response.statusCode() + "): " + response.body());
            }
            JsonNode json = JSON.readTree(response.body());
            long lifetime = json.path("expires_in").asLong(300);
            return new Token(json.get("access_token").asText(), Instant.now().plusSeconds(Math.max(0, lifetime - 60)));
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak at " + realmUrl + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
