package org.careloop.notification.email.template;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import org.careloop.notification.email.config.EmailConfig;

/**
 * Renders a notice as an e-mail from {@code templates/email/<type>.<language>.txt}: the body, with the subject in
 * its {@code subject} fragment. A type without a template in the language falls back to the default language.
 */
@ApplicationScoped
public class EmailTemplates {

    /** A rendered e-mail. */
    public record Rendered(String subject, String body, String language) {}

    private final Engine engine;
    private final String fallback;

    public EmailTemplates(Engine engine, EmailConfig config) {
        this.engine = engine;
        this.fallback = config.defaultLanguage();
    }

    /** The id of the template of a type in a language. */
    public static String id(String type, String language) {
        return "email/" + type + "." + language + ".txt";
    }

    /**
     * Renders the model for a notice type in a language.
     *
     * @throws IllegalStateException when the type has no template, not even in the default language
     */
    public Rendered render(String type, String language, EmailModel model) {
        String used = language;
        Template template = engine.getTemplate(id(type, language));
        if (template == null) {
            used = fallback;
            template = engine.getTemplate(id(type, fallback));
        }
        if (template == null) {
            throw new IllegalStateException("No e-mail template for notice type " + type);
        }
        String subject =
                template.getFragment("subject").data("m", model).render().strip();
        String body = template.data("m", model).render().strip() + "\n";
        return new Rendered(subject, body, used);
    }
}
