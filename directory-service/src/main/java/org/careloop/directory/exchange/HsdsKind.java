package org.careloop.directory.exchange;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The HSDS 3.1 objects an exchange carries: their table name (singular, as in {@code link_entity}), their name in the
 * flat form and the CSV datapackage (plural), and their JSON Schema. {@link #modelled()} objects have tables of their
 * own; the others live inside their owner's document.
 */
public enum HsdsKind {
    ORGANIZATION("organization", "organizations", true),
    SERVICE("service", "services", true),
    LOCATION("location", "locations", true),
    SERVICE_AT_LOCATION("service_at_location", "service_at_locations", true),
    ADDRESS("address", "addresses", true),
    PHONE("phone", "phones", true),
    SCHEDULE("schedule", "schedules", true),
    SERVICE_AREA("service_area", "service_areas", true),
    LANGUAGE("language", "languages", true),
    TAXONOMY("taxonomy", "taxonomies", true),
    TAXONOMY_TERM("taxonomy_term", "taxonomy_terms", true),
    ATTRIBUTE("attribute", "attributes", true),
    SERVICE_CAPACITY("service_capacity", "service_capacities", true),
    UNIT("unit", "units", true),
    CONTACT("contact", "contacts", false),
    PROGRAM("program", "programs", false),
    FUNDING("funding", "funding", false),
    COST_OPTION("cost_option", "cost_options", false),
    REQUIRED_DOCUMENT("required_document", "required_documents", false),
    ACCESSIBILITY("accessibility", "accessibility", false),
    ORGANIZATION_IDENTIFIER("organization_identifier", "organization_identifiers", false),
    METADATA("metadata", "metadata", false),
    URL("url", "urls", false);

    /** Fields of a flat record that link it to other objects. */
    public static final List<String> LINK_FIELDS = List.of(
            "organization_id",
            "service_id",
            "location_id",
            "service_at_location_id",
            "phone_id",
            "contact_id",
            "taxonomy_id",
            "taxonomy_term_id",
            "unit_id",
            "link_id",
            "link_entity",
            "resource_id",
            "resource_type");

    private final String table;
    private final String plural;
    private final boolean modelled;

    HsdsKind(String table, String plural, boolean modelled) {
        this.table = table;
        this.plural = plural;
        this.modelled = modelled;
    }

    /** The table name, e.g. {@code service_at_location}. */
    public String table() {
        return table;
    }

    /** The name in flat forms, e.g. {@code service_at_locations}. */
    public String plural() {
        return plural;
    }

    /** Whether the directory keeps this object in a table of its own. */
    public boolean modelled() {
        return modelled;
    }

    /** The shipped JSON Schema, e.g. {@code service_at_location.json}. */
    public String schemaFile() {
        return table + ".json";
    }

    /** The kind a flat key or a datapackage resource names, singular or plural (e.g. {@code services}, {@code url}). */
    public static Optional<HsdsKind> named(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(k -> k.table.equals(n) || k.plural.equals(n))
                .findFirst();
    }
}
