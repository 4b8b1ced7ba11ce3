package org.careloop.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The loop reaches the parties outside CareLoop on the real stack: the clinic's webhook receiver (an HTTP server in
 * this test) gets its referral's status changes signed, ending with the outcome; the organization the referral went to
 * gets an e-mail at the stack's SMTP server.
 */
@Order(4)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeliveryIT {

    private static final Duration FLOW = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A delivery as the receiver saw it. */
    record Received(String id, String timestamp, String signature, String body, JsonNode json) {}

    private static Stack stack;
    private static Api api;
    private static HttpServer receiver;
    private static final List<Received> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void stack() throws Exception {
        stack = Stack.shared();
        api = new Api(stack);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/careloop-hooks", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                var h = exchange.getRequestHeaders();
                received.add(new Received(
                        h.getFirst("webhook-id"),
                        h.getFirst("webhook-timestamp"),
                        h.getFirst("webhook-signature"),
                        body,
                        JSON.readTree(body)));
                exchange.sendResponseHeaders(204, -1);
            } finally {
                exchange.close();
            }
        });
        receiver.start();
    }

    private static String subscriptionId;

    @AfterAll
    static void stopReceiver() {
        if (subscriptionId != null) {
            RestAssured.given()
                    .auth()
                    .oauth2(api.clinicToken())
                    .delete(Api.url(Stack.NOTIFICATION_PORT, "/api/v1/webhook-subscriptions/" + subscriptionId));
        }
        receiver.stop(0);
    }

    @Test
    @Order(1)
    void theClinicsWebhookGetsAcceptedThenCompletedWithTheOutcome() throws Exception {
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/careloop-hooks";
        Map<String, Object> subscription = RestAssured.given()
                .auth()
                .oauth2(api.clinicToken())
                .contentType(ContentType.JSON)
                .body(Map.of("url", url, "types", List.of("referral.status-changed")))
                .post(Api.url(Stack.NOTIFICATION_PORT, "/api/v1/webhook-subscriptions"))
                .then()
                .statusCode(201)
                .body("organizationId", equalTo("org-eastside-clinic"))
                .extract()
                .jsonPath()
                .getMap("");
        String secret = (String) subscription.get("secret");
        subscriptionId = (String) subscription.get("id");
        // Both food organizations opt in to e-mail for new referrals (the referral goes to one of them).
        for (String organization : FOOD_ORGANIZATIONS) {
            api.as("coordinator")
                    .body(Map.of("address", intake(organization), "enabled", true))
                    .put(Api.url(Stack.NOTIFICATION_PORT, "/api/v1/organizations/" + organization + "/email-settings"))
                    .then()
                    .statusCode(200);
        }

        // Places at both food services, whatever earlier tests used.
        api.reportCapacity("svc-foodbank-pantry", 20, 50);
        api.reportCapacity("svc-northside-emergency-groceries", 20, 50);
        String screening = api.screen(Api.FOOD);
        await().atMost(FLOW).until(() -> !api.referralsOf(screening).isEmpty());
        Map<String, Object> referral = api.referralsOf(screening).getFirst();
        String id = (String) referral.get("id");
        String owner = (String) referral.get("ownerOrganizationId");
        assertThat(FOOD_ORGANIZATIONS).contains(owner);
        String staff = Api.staffOf(owner);
        api.changeStatus(staff, id, Map.of("status", "accepted")).then().statusCode(200);
        api.changeStatus(staff, id, Map.of("status", "completed", "outcome", "need-resolved"))
                .then()
                .statusCode(200);

        await().atMost(FLOW).until(() -> statuses(id).contains("completed"));
        List<Received> mine = deliveriesOf(id);
        assertThat(statuses(id)).containsSubsequence("accepted", "completed");
        assertThat(mine.getLast().json().at("/data/outcome").asText()).isEqualTo("need-resolved");
        for (Received r : mine) {
            assertThat(verified(secret, r)).as("signature of %s", r.id()).isTrue();
            assertThat(r.json().at("/data/organizationId").asText()).isEqualTo("org-eastside-clinic");
            org.careloop.testing.EventSchemas.assertValidAgainst("/schemas/webhook-notice.v1.json", r.json());
            assertThat(r.body()).doesNotContain("systest-"); // the clinic's patient id never leaves
        }
        assertThat(mine).extracting(Received::id).doesNotHaveDuplicates();

        // The organization got an e-mail for the new referral at the stack's SMTP server: its link, no personal data.
        await().atMost(FLOW).pollInterval(Duration.ofSeconds(1)).until(() -> mailTo(intake(owner)).stream()
                .anyMatch(line -> line.contains("new referral")));
        String number = mailTo(intake(owner)).stream()
                .filter(line -> line.contains("new referral"))
                .findFirst()
                .orElseThrow()
                .split("\t")[0];
        Stack.Result mail = stack.command("mail", "show", number);
        assertThat(mail.exit()).as(mail.toString()).isZero();
        assertThat(mail.out()).contains("/api/v1/referrals/" + id).doesNotContain("systest-");

        // The record of those deliveries, for the clinic.
        RestAssured.given()
                .auth()
                .oauth2(api.clinicToken())
                .queryParam("referralId", id)
                .queryParam("channel", "webhook")
                .get(Api.url(Stack.NOTIFICATION_PORT, "/api/v1/deliveries"))
                .then()
                .statusCode(200)
                .body("items.state", org.hamcrest.Matchers.everyItem(equalTo("delivered")));
    }

    private static final List<String> FOOD_ORGANIZATIONS = List.of("org-foodbank", "org-northside-pantry");

    private static String intake(String organization) {
        return "intake@" + organization + ".example";
    }

    /** The stack's {@code mail list --to} lines: number, to, received, from, subject. */
    private static List<String> mailTo(String address) throws Exception {
        Stack.Result list = stack.command("mail", "list", "--to", address);
        assertThat(list.exit()).as(list.toString()).isZero();
        return list.out().lines().filter(l -> !l.isBlank()).toList();
    }

    private static List<Received> deliveriesOf(String referralId) {
        return received.stream()
                .filter(r -> referralId.equals(r.json().at("/data/referralId").asText()))
                .toList();
    }

    private static List<String> statuses(String referralId) {
        return deliveriesOf(referralId).stream()
                .map(r -> r.json().at("/data/status").asText())
                .toList();
    }

    /** The README's recipe for a receiver. */
    private static boolean verified(String secret, Received r) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String expected = "v1,"
                + Base64.getEncoder()
                        .encodeToString(mac.doFinal(
                                (r.id() + "." + r.timestamp() + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
        return List.of(r.signature().split(" ")).contains(expected);
    }
}
