package org.careloop.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.careloop.platform.problem.Problem.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Addresses, languages and types of e-mail settings, without Quarkus. */
class EmailRulesTests {

    private static final EmailRules.Choices CHOICES = new EmailRules.Choices(
            List.of("en", "es"), "en", List.of("referral.requested", "referral.reminder", "referral.recalled"));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "referrals@foodbank.example.org",
                "a@b.co",
                "first.last+tag@sub.example.org",
                "o'brien_{x}@example-org.com",
                "team@careloop.local"
            })
    void saneAddressesAreAccepted(String address) {
        assertThat(EmailAddresses.problem(address)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "plainaddress",
                "@example.org",
                "team@",
                "team@@example.org",
                "a@b@example.org",
                "Food Bank <team@example.org>",
                "<team@example.org>",
                "team@example.org\r\nBcc: victim@example.org",
                "team@example.org\n",
                "team @example.org",
                "team@localhost",
                "team@-example.org",
                "team@example..org",
                ".team@example.org",
                "team.@example.org",
                "te..am@example.org",
                "\"quoted\"@example.org",
                "team@[127.0.0.1]",
                "team@example.org (comment)",
                "tëam@example.org"
            })
    void otherAddressesAreRefused(String address) {
        assertThat(EmailAddresses.problem(address)).isPresent();
    }

    @Test
    void addressesAreAtMost254Characters() {
        String domain = "x".repeat(60) + "." + "y".repeat(60) + "." + "z".repeat(60) + ".org";
        String local = "l".repeat(64);
        String fits = local + "@" + domain.substring(0, 254 - 65 - 4) + ".org";
        assertThat(fits).hasSize(254);
        assertThat(EmailAddresses.problem(fits)).isEmpty();
        assertThat(EmailAddresses.problem("m" + fits)).contains("must be at most 254 characters");
        assertThat(EmailAddresses.problem("l".repeat(65) + "@example.org")).isPresent();
    }

    @Test
    void masksKeepOnlyTheFirstCharacterAndTheDomain() {
        assertThat(EmailAddresses.mask("referrals@foodbank.example.org")).isEqualTo("r***@foodbank.example.org");
        assertThat(EmailAddresses.mask("x")).isEqualTo("***");
        assertThat(new EmailRules.Settings("referrals@foodbank.example.org", true, "en", List.of()).toString())
                .doesNotContain("referrals");
    }

    @Test
    void leftOutFieldsTakeTheDefaults() {
        EmailRules.Result result =
                EmailRules.validate(new EmailRules.Draft("team@example.org", null, null, null), CHOICES);

        assertThat(result.valid()).isTrue();
        assertThat(result.settings().enabled()).isFalse();
        assertThat(result.settings().language()).isEqualTo("en");
        assertThat(result.settings().types())
                .containsExactly("referral.requested", "referral.reminder", "referral.recalled");
    }

    @Test
    void typesAreDistinctInTheDocumentedOrder() {
        EmailRules.Result result = EmailRules.validate(
                new EmailRules.Draft(
                        "team@example.org",
                        true,
                        "es",
                        List.of("referral.recalled", "referral.status-changed", "referral.recalled")),
                CHOICES);

        assertThat(result.settings().types()).containsExactly("referral.status-changed", "referral.recalled");
        assertThat(result.settings().language()).isEqualTo("es");
        assertThat(EmailRules.validate(new EmailRules.Draft("team@example.org", true, "en", List.of()), CHOICES)
                        .settings()
                        .types())
                .isEmpty();
    }

    @Test
    void everyFaultIsReportedNamingItsField() {
        EmailRules.Result result = EmailRules.validate(
                new EmailRules.Draft(
                        "Team <team@example.org>",
                        true,
                        "fr",
                        Arrays.asList("referral.requested", "referral.exploded", null)),
                CHOICES);

        assertThat(result.valid()).isFalse();
        assertThat(result.errors())
                .extracting(FieldError::field)
                .containsExactly("address", "language", "types[1]", "types[2]");
        assertThat(result.errors().get(1).message()).contains("en, es");
        assertThat(EmailRules.validate(new EmailRules.Draft(null, null, null, null), CHOICES)
                        .errors())
                .extracting(FieldError::field)
                .containsExactly("address");
    }
}
