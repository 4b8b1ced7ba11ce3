package org.careloop.referral.lifecycle.rest;

import static org.careloop.referral.lifecycle.Fixtures.FOODBANK;
import static org.careloop.referral.lifecycle.Fixtures.REFERRALS;
import static org.careloop.referral.lifecycle.Fixtures.as;
import static org.careloop.referral.lifecycle.Fixtures.newReferral;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Coded reasons and outcomes on status changes: validated, stored, shown and published. */
@QuarkusTest
class CodedReasonTests {

    @Test
    void anUnknownReasonCodeOrAMisplacedOutcomeIsA400NamingTheFieldAndChangesNothing() {
        String id = newReferral(FOODBANK).getString("id");
        as("foodbank-staff")
                .body(Map.of("status", "rejected", "reasonCode", "too-busy"))
                .post(REFERRALS + "/" + id + "/status")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("reasonCode"));
        as("foodbank-staff")
                .body(Map.of("status", "rejected", "reasonCode", "recalled-no-response"))
                .post(REFERRALS + "/" + id + "/status")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("reasonCode"));
        as("foodbank-staff")
                .body(Map.of("status", "accepted", "outcome", "need-resolved"))
                .post(REFERRALS + "/" + id + "/status")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("outcome"));
        as("foodbank-staff")
                .body(Map.of("status", "accepted"))
                .post(REFERRALS + "/" + id + "/status")
                .then()
                .statusCode(200);
        as("foodbank-staff")
                .body(Map.of("status", "completed", "outcome", "fixed"))
                .post(REFERRALS + "/" + id + "/status")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("outcome"));
        as("coordinator")
                .get(REFERRALS + "/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("accepted"))
                .body("version", equalTo(2));
    }

    @Test
    void aReasonCodeStandsInForTheReasonTextAndTheHistoryRecordsCodeAndRole() {
        String id = newReferral(FOODBANK).getString("id");
        as("foodbank-staff")
                .body(Map.of("status", "accepted"))
                .post(REFERRALS + "/" + id + "/status")
                .then()
                .statusCode(200);
        as("foodbank-staff")
                .body(Map.of("status", "on-hold", "reasonCode", "waitlisted"))
                .post(REFERRALS + "/" + id + "/status")
                .then()
                .statusCode(200)
                .body("statusReason", equalTo("On the waitlist"))
                .body("statusReasonCode", equalTo("waitlisted"));
        // A service can be delivered straight from on-hold.
        as("foodbank-staff")
                .body(Map.of(
                        "status", "completed", "reason", "Groceries delivered", "outcome", "need-partially-resolved"))
                .post(REFERRALS + "/" + id + "/status")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("need-partially-resolved"))
                .body("statusReasonCode", equalTo(null));
        as("coordinator")
                .get(REFERRALS + "/" + id + "/history")
                .then()
                .statusCode(200)
                .body("items[2].reasonCode", equalTo("waitlisted"))
                .body("items[2].changedByRole", equalTo("owner"))
                .body("items[0].changedByRole", equalTo("system"));
    }
}
