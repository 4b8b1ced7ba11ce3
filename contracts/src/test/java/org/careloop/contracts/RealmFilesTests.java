package org.careloop.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The two Keycloak realms: the demo realm of the local stack and the tests, and the production realm. Both carry the
 * same roles, clients and protocol mappers (every token a service accepts names the service as its audience); only
 * the production one is fit to deploy: TLS everywhere, no users or secrets, no password grant, OTP for staff.
 */
class RealmFilesTests {

    private static final List<String> SERVICES =
            List.of("screening-service", "referral-service", "directory-service", "notification-service");
    /** The clients whose tokens call the services. */
    private static final List<String> CALLERS =
            List.of("careloop-cli", "clinic-ehr", "integration-partner", "careloop-ops");

    private static final JsonNode DEMO = read("deploy/keycloak/careloop-realm.json");
    private static final JsonNode PRODUCTION = read("deploy/keycloak/careloop-production-realm.json");

    @Test
    void bothRealmsAreTheCareloopRealmWithTheSameRoles() {
        assertThat(PRODUCTION.path("realm").asText()).isEqualTo("careloop");
        assertThat(DEMO.path("realm").asText()).isEqualTo("careloop");
        assertThat(roles(PRODUCTION))
                .isEqualTo(roles(DEMO))
                .containsExactlyInAnyOrder("clinic", "coordinator", "cbo-staff", "integrator", "operator");
    }

    @Test
    void theDemoRealmSaysItIsForLocalDemosOnly() {
        assertThat(DEMO.path("displayName").asText()).contains("local demo only");
        assertThat(DEMO.path("attributes").path("description").asText()).contains("careloop-production-realm.json");
        assertThat(PRODUCTION.path("displayName").asText()).doesNotContain("demo");
    }

    @Test
    void tokensOfEveryCallingClientCarryTheAudienceOfEveryService() {
        for (JsonNode realm : List.of(DEMO, PRODUCTION)) {
            for (String caller : CALLERS) {
                assertThat(audiences(client(realm, caller)))
                        .as(
                                "audiences of %s in %s",
                                caller, realm.path("displayName").asText())
                        .containsExactlyInAnyOrderElementsOf(SERVICES);
            }
            for (String service : SERVICES) {
                JsonNode client = client(realm, service);
                assertThat(client.path("bearerOnly").asBoolean())
                        .as("%s is a resource server only", service)
                        .isTrue();
                assertThat(grants(client)).as("grants of %s", service).isEmpty();
            }
        }
    }

    @Test
    void theDemoRealmHasAClientForAnotherAudience() {
        JsonNode other = client(DEMO, "other-audience");
        assertThat(other.path("secret").asText()).isEqualTo("other-audience-secret");
        assertThat(other.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(audiences(other)).isEmpty();
        assertThat(user(DEMO, "service-account-other-audience")
                        .path("realmRoles")
                        .toString())
                .contains("\"operator\"");
    }

    @Test
    void bothRealmsHaveTheSameClientsAndProtocolMappers() {
        Map<String, JsonNode> demo = clients(DEMO);
        Map<String, JsonNode> production = clients(PRODUCTION);
        demo.remove("other-audience"); // tests only
        assertThat(production.get("admin-cli").path("enabled").asBoolean()).isFalse();
        production.remove("admin-cli"); // Keycloak's own, disabled in production
        assertThat(production.keySet()).isEqualTo(demo.keySet());
        for (String id : demo.keySet()) {
            assertThat(production.get(id).path("protocolMappers"))
                    .as("protocol mappers of %s", id)
                    .isEqualTo(demo.get(id).path("protocolMappers"));
            for (String field :
                    List.of("publicClient", "bearerOnly", "serviceAccountsEnabled", "implicitFlowEnabled")) {
                assertThat(production.get(id).path(field).asBoolean())
                        .as("%s of %s", field, id)
                        .isEqualTo(demo.get(id).path(field).asBoolean());
            }
        }
    }

    @Test
    void productionRequiresTlsAndShortLivedTokensAndLocksOutGuessing() {
        assertThat(PRODUCTION.path("sslRequired").asText()).isEqualTo("all");
        assertThat(PRODUCTION.path("accessTokenLifespan").asInt()).isBetween(60, 300);
        assertThat(PRODUCTION.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(PRODUCTION.path("failureFactor").asInt()).isBetween(1, 10);
        assertThat(PRODUCTION.path("registrationAllowed").asBoolean()).isFalse();
    }

    @Test
    void productionPasswordsAreLongMixedNotTheUsernameAndNotReused() {
        String policy = PRODUCTION.path("passwordPolicy").asText();
        Map<String, String> rules = new LinkedHashMap<>();
        Matcher m = Pattern.compile("([A-Za-z]+)(?:\\(([^)]*)\\))?").matcher(policy.replace(" and ", " "));
        while (m.find()) {
            rules.put(m.group(1), m.group(2));
        }
        assertThat(rules).containsKeys("length", "digits", "upperCase", "lowerCase", "notUsername", "passwordHistory");
        assertThat(Integer.parseInt(rules.get("length"))).isGreaterThanOrEqualTo(12);
        assertThat(Integer.parseInt(rules.get("digits"))).isPositive();
        assertThat(Integer.parseInt(rules.get("upperCase"))).isPositive();
        assertThat(Integer.parseInt(rules.get("lowerCase"))).isPositive();
        assertThat(Integer.parseInt(rules.get("passwordHistory"))).isPositive();
    }

    @Test
    void productionStaffMustSetUpOtp() {
        JsonNode totp = null;
        for (JsonNode action : PRODUCTION.path("requiredActions")) {
            if (action.path("alias").asText().equals("CONFIGURE_TOTP")) {
                totp = action;
            }
        }
        assertThat(totp).as("required action CONFIGURE_TOTP").isNotNull();
        assertThat(totp.path("enabled").asBoolean()).isTrue();
        assertThat(totp.path("defaultAction").asBoolean())
                .as("given to every new user")
                .isTrue();
        assertThat(PRODUCTION.path("otpPolicyType").asText()).isEqualTo("totp");
        assertThat(PRODUCTION.path("otpPolicyDigits").asInt()).isGreaterThanOrEqualTo(6);
        assertThat(PRODUCTION.path("otpPolicyPeriod").asInt()).isPositive();
    }

    @Test
    void productionHasNoPasswordGrantNoSecretsAndNoDemoUsers() {
        for (JsonNode client : PRODUCTION.path("clients")) {
            String id = client.path("clientId").asText();
            assertThat(client.path("directAccessGrantsEnabled").asBoolean())
                    .as("password grant of %s", id)
                    .isFalse();
            assertThat(client.path("implicitFlowEnabled").asBoolean())
                    .as("implicit flow of %s", id)
                    .isFalse();
            assertThat(client.has("secret")).as("secret of %s", id).isFalse();
        }
        for (JsonNode user : PRODUCTION.path("users")) {
            String name = user.path("username").asText();
            assertThat(user.has("serviceAccountClientId"))
                    .as("%s is a service account, not a person", name)
                    .isTrue();
            assertThat(user.path("credentials")).as("credentials of %s", name).isEmpty();
        }
        // No demo value either: the demo password, the demo clients' secrets, the demo organizations
        assertThat(PRODUCTION.toString()).doesNotContain(":\"demo\"", "-secret-", "-secret\"}", "org-eastside-clinic");
        for (JsonNode client : DEMO.path("clients")) {
            if (client.has("secret")) {
                assertThat(PRODUCTION.toString())
                        .doesNotContain(client.path("secret").asText());
            }
        }
    }

    private static Set<String> roles(JsonNode realm) {
        Set<String> names = new TreeSet<>();
        realm.path("roles").path("realm").forEach(r -> names.add(r.path("name").asText()));
        return names;
    }

    private static Map<String, JsonNode> clients(JsonNode realm) {
        Map<String, JsonNode> clients = new LinkedHashMap<>();
        realm.path("clients").forEach(c -> clients.put(c.path("clientId").asText(), c));
        return clients;
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        JsonNode client = clients(realm).get(clientId);
        assertThat(client).as("client %s", clientId).isNotNull();
        return client;
    }

    private static JsonNode user(JsonNode realm, String username) {
        for (JsonNode user : realm.path("users")) {
            if (user.path("username").asText().equals(username)) {
                return user;
            }
        }
        throw new AssertionError("no user " + username);
    }

    /** The audiences that the client's audience mappers put into access tokens. */
    private static List<String> audiences(JsonNode client) {
        List<String> audiences = new ArrayList<>();
        for (JsonNode mapper : client.path("protocolMappers")) {
            if (mapper.path("protocolMapper").asText().equals("oidc-audience-mapper")
                    && mapper.path("config").path("access.token.claim").asText().equals("true")) {
                audiences.add(
                        mapper.path("config").path("included.client.audience").asText());
            }
        }
        return audiences;
    }

    private static List<String> grants(JsonNode client) {
        List<String> grants = new ArrayList<>();
        for (String grant : List.of(
                "standardFlowEnabled", "implicitFlowEnabled", "directAccessGrantsEnabled", "serviceAccountsEnabled")) {
            if (client.path(grant).asBoolean()) {
                grants.add(grant);
            }
        }
        return grants;
    }

    private static JsonNode read(String file) {
        Path path = Path.of(System.getProperty("careloop.root", "..")).resolve(file);
        try {
            return new ObjectMapper().readTree(path.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }
}
