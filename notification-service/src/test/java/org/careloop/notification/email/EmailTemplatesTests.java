package org.careloop.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.qute.Engine;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.TemplateLocator;
import io.quarkus.qute.Variant;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.careloop.notification.delivery.Notice;
import org.careloop.notification.delivery.NoticeTypes;
import org.careloop.notification.email.config.EmailConfig;
import org.careloop.notification.email.template.EmailModel;
import org.careloop.notification.email.template.EmailTemplates;
import org.careloop.notification.email.template.NoticeWords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every notice type in every language renders from the templates on the class path, without Quarkus. */
class EmailTemplatesTests {

    private static final List<String> LANGUAGES = List.of("en", "es");
    private static final String SETTINGS = "http://localhost:8084/api/v1/organizations/org-foodbank/email-settings";

    private final EmailTemplates templates = new EmailTemplates(classpathEngine(), config());

    static List<String> types() {
        return NoticeTypes.ALL;
    }

    @ParameterizedTest
    @MethodSource("types")
    void everyTypeRendersInEveryLanguageWithIdsWordsAndLinksOnly(String type) {
        for (String language : LANGUAGES) {
            Notice notice = Notices.of(type, "org-foodbank", "in-progress", "accepted");
            EmailTemplates.Rendered mail = render(notice, language);

            assertThat(mail.language()).isEqualTo(language);
            assertThat(mail.subject()).doesNotContain("\n", "\r", "{", "}").isNotBlank();
            assertThat(mail.body())
                    .contains(notice.referralId().toString())
                    .contains(notice.referralUrl().toString())
                    .contains(notice.id().toString())
                    .contains(SETTINGS)
                    .contains("org-foodbank")
                    .contains(NoticeWords.of(language).category("food-insecurity"))
                    .contains(NoticeWords.of(language).status("in-progress"))
                    .doesNotContain("food-insecurity", "in-progress", "{", "}", "null", "patient", "paciente");
            assertThat(mail.body()).doesNotStartWith("\n").endsWith("\n");
        }
    }

    @Test
    void englishSaysWhatHappenedInWords() {
        Notice notice = Notices.of(
                NoticeTypes.REFERRAL_STATUS_CHANGED, "org-foodbank", "completed", "in-progress", null, "need-resolved");

        EmailTemplates.Rendered mail = render(notice, "en");

        assertThat(mail.subject()).isEqualTo("CareLoop: referral for food insecurity is now completed");
        assertThat(mail.body())
                .contains("The referral for food insecurity is now completed (it was in progress).")
                .contains("Outcome: need resolved")
                .contains("When: 2026-12-03 08:47 UTC")
                .contains("change the organization's e-mail settings");
    }

    @Test
    void spanishSaysItInSpanish() {
        Notice notice = Notices.of(
                NoticeTypes.REFERRAL_STATUS_CHANGED, "org-foodbank", "rejected", "requested", "no-capacity", null);

        EmailTemplates.Rendered mail = render(notice, "es");

        assertThat(mail.subject())
                .isEqualTo("CareLoop: la derivación por inseguridad alimentaria ahora está rechazada");
        assertThat(mail.body())
                .contains("ahora está rechazada (antes: solicitada).")
                .contains("Motivo: Sin plazas disponibles")
                .contains("configuración de correo")
                .doesNotContain("Outcome", "Resultado");
    }

    @Test
    void aLanguageWithoutTemplatesFallsBackToEnglish() {
        Notice notice = Notices.of(NoticeTypes.REFERRAL_REQUESTED, "org-foodbank", "requested", null);

        EmailTemplates.Rendered mail = render(notice, "fr");

        assertThat(mail.language()).isEqualTo("en");
        assertThat(mail.subject()).isEqualTo("CareLoop: new referral for food insecurity");
    }

    @Test
    void codesWithoutWordsReadAsThemselves() {
        assertThat(NoticeWords.of("en").category("some-new-code")).isEqualTo("some new code");
        assertThat(NoticeWords.of("es-MX").status("on-hold")).isEqualTo("en espera");
        assertThat(NoticeWords.of("en").reason("recalled-no-response")).isEqualTo("Recalled: not acknowledged in time");
        assertThat(NoticeWords.of("en").outcome(null)).isNull();
    }

    private EmailTemplates.Rendered render(Notice notice, String language) {
        return templates.render(notice.type(), language, EmailModel.of(notice, language, SETTINGS));
    }

    /** A Qute engine that finds templates as Quarkus does: under {@code templates/} on the class path. */
    private static Engine classpathEngine() {
        TemplateLocator locator = id -> {
            InputStream in = EmailTemplatesTests.class.getClassLoader().getResourceAsStream("templates/" + id);
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new TemplateLocator.TemplateLocation() {
                @Override
                public Reader read() {
                    return new InputStreamReader(in, StandardCharsets.UTF_8);
                }

                @Override
                public Optional<Variant> getVariant() {
                    return Optional.empty();
                }
            });
        };
        return Engine.builder()
                .addDefaults()
                .addValueResolver(new ReflectionValueResolver())
                .addLocator(locator)
                .build();
    }

    private static EmailConfig config() {
        return new EmailConfig() {
            @Override
            public List<String> languages() {
                return LANGUAGES;
            }

            @Override
            public String defaultLanguage() {
                return "en";
            }

            @Override
            public List<String> defaultTypes() {
                return List.of(NoticeTypes.REFERRAL_REQUESTED);
            }

            @Override
            public Optional<String> settingsUrl() {
                return Optional.empty();
            }

            @Override
            public java.time.Duration sendTimeout() {
                return java.time.Duration.ofSeconds(30);
            }

            @Override
            public String messageIdDomain() {
                return "careloop.local";
            }
        };
    }
}
