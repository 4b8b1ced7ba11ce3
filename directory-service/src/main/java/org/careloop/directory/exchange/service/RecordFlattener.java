package org.careloop.directory.exchange.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.careloop.directory.exchange.HsdsKind;
import org.careloop.directory.exchange.StagedRecord;
import org.careloop.platform.problem.Problem;

/**
 * Turns HSDS records, nested (organizations with services, services with locations...) or flat (linked by ids), into
 * one {@link StagedRecord} per object, validating each object's own fields against its schema. Children with tables
 * of their own leave their parent's document and point back at it; objects CareLoop does not model (contacts,
 * programs, funding...) stay in the document.
 */
public final class RecordFlattener {

    /** Organization and service ids are used by the v1 APIs and the other services: slugs or lower-case UUIDs. */
    private static final Pattern SLUG = Pattern.compile("[a-z0-9-]{1,64}");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A nested child: under {@code key}, an array (children point at the parent) or one object (parent points at it). */
    private record Child(String key, HsdsKind kind, boolean array, String link) {}

    private static final Map<HsdsKind, List<Child>> CHILDREN = new HashMap<>();

    static {
        CHILDREN.put(
                HsdsKind.ORGANIZATION,
                List.of(
                        new Child("services", HsdsKind.SERVICE, true, "organization_id"),
                        new Child("phones", HsdsKind.PHONE, true, "organization_id"),
                        new Child("locations", HsdsKind.LOCATION, true, "organization_id")));
        CHILDREN.put(
                HsdsKind.SERVICE,
                List.of(
                        new Child("organization", HsdsKind.ORGANIZATION, false, "organization_id"),
                        new Child("service_at_locations", HsdsKind.SERVICE_AT_LOCATION, true, "service_id"),
                        new Child("phones", HsdsKind.PHONE, true, "service_id"),
                        new Child("schedules", HsdsKind.SCHEDULE, true, "service_id"),
                        new Child("service_areas", HsdsKind.SERVICE_AREA, true, "service_id"),
                        new Child("languages", HsdsKind.LANGUAGE, true, "service_id"),
                        new Child("capacities", HsdsKind.SERVICE_CAPACITY, true, "service_id")));
        CHILDREN.put(
                HsdsKind.SERVICE_AT_LOCATION,
                List.of(
                        new Child("location", HsdsKind.LOCATION, false, "location_id"),
                        new Child("phones", HsdsKind.PHONE, true, "service_at_location_id"),
                        new Child("schedules", HsdsKind.SCHEDULE, true, "service_at_location_id"),
                        new Child("service_areas", HsdsKind.SERVICE_AREA, true, "service_at_location_id")));
        CHILDREN.put(
                HsdsKind.LOCATION,
                List.of(
                        new Child("addresses", HsdsKind.ADDRESS, true, "location_id"),
                        new Child("phones", HsdsKind.PHONE, true, "location_id"),
                        new Child("schedules", HsdsKind.SCHEDULE, true, "location_id"),
                        new Child("languages", HsdsKind.LANGUAGE, true, "location_id")));
        CHILDREN.put(HsdsKind.PHONE, List.of(new Child("languages", HsdsKind.LANGUAGE, true, "phone_id")));
        CHILDREN.put(HsdsKind.SERVICE_CAPACITY, List.of(new Child("unit", HsdsKind.UNIT, false, "unit_id")));
        CHILDREN.put(
                HsdsKind.ATTRIBUTE,
                List.of(new Child("taxonomy_term", HsdsKind.TAXONOMY_TERM, false, "taxonomy_term_id")));
        CHILDREN.put(
                HsdsKind.TAXONOMY_TERM, List.of(new Child("taxonomy_detail", HsdsKind.TAXONOMY, false, "taxonomy_id")));
    }

    private final HsdsSchemas schemas;
    private final Consumer<StagedRecord> out;
    private final List<Problem.FieldError> errors = new ArrayList<>();
    private final int maxErrors;
    private int errorCount;

    public RecordFlattener(HsdsSchemas schemas, int maxErrors, Consumer<StagedRecord> out) {
        this.schemas = schemas;
        this.maxErrors = maxErrors;
        this.out = out;
    }

    /** The first errors found (at most the configured number). */
    public List<Problem.FieldError> errors() {
        return errors;
    }

    /** All errors found. */
    public int errorCount() {
        return errorCount;
    }

    /** A top-level record of a nested form whose kind its shape tells: a service has a status or an organization. */
    public void topLevel(JsonNode node) {
        boolean service = node.has("status") || node.has("organization") || node.has("organization_id");
        flatten(service ? HsdsKind.SERVICE : HsdsKind.ORGANIZATION, node, Map.of(), "");
    }

    /** One record of a kind, with the links of where it was found. */
    public String flatten(HsdsKind kind, JsonNode node, Map<String, String> context, String parentPath) {
        String prefix = parentPath.isEmpty() ? "" : parentPath + "/";
        if (!(node instanceof ObjectNode object)) {
            error(prefix + kind.plural(), "must be an object");
            return null;
        }
        JsonNode idNode = object.get("id");
        String id = idNode != null && idNode.isTextual() ? idNode.asText() : null;
        String path = prefix + kind.plural() + "[id=" + (id == null ? "?" : id) + "]";
        checkId(kind, id, path);

        ObjectNode doc = object.deepCopy();
        Map<String, String> links = new LinkedHashMap<>(context);
        List<Child> children = new ArrayList<>(CHILDREN.getOrDefault(kind, List.of()));
        if (kind.modelled()) {
            children.add(new Child("attributes", HsdsKind.ATTRIBUTE, true, null));
        }
        for (Child child : children) {
            doc.remove(child.key());
        }
        for (Child child : children) {
            JsonNode value = object.get(child.key());
            if (!child.array() && value != null && !value.isNull()) {
                String childId = flatten(child.kind(), value, Map.of(), path);
                if (childId != null) {
                    links.putIfAbsent(child.link(), childId);
                }
            }
        }
        for (String field : HsdsKind.LINK_FIELDS) {
            JsonNode value = doc.get(field);
            if (value != null && value.isTextual() && !value.asText().isEmpty()) {
                links.putIfAbsent(field, value.asText());
            }
        }
        // A required nested object (a capacity's unit) may come as its id instead (unit_id, as in flat forms).
        List<String> linked = children.stream()
                .filter(c -> !c.array() && links.containsKey(c.link()))
                .map(c -> path + "/" + c.key())
                .toList();
        errors(schemas.validate(kind, doc, path).stream()
                .filter(e -> !linked.contains(e.field()))
                .toList());
        doc.remove("last_modified");
        if (kind == HsdsKind.SERVICE_AREA) {
            checkExtent(doc, path, links);
        }
        if (id != null) {
            out.accept(new StagedRecord(kind, id, doc, links, path));
        }
        for (Child child : children) {
            JsonNode value = object.get(child.key());
            if (!child.array() || value == null || value.isNull()) {
                continue;
            }
            if (!value.isArray()) {
                error(path + "/" + child.key(), "must be an array");
                continue;
            }
            Map<String, String> childContext = child.link() == null
                    ? Map.of("link_entity", kind.table(), "link_id", String.valueOf(id))
                    : Map.of(child.link(), String.valueOf(id));
            for (JsonNode item : value) {
                flatten(child.kind(), item, childContext, path);
            }
        }
        return id;
    }

    private void checkId(HsdsKind kind, String id, String path) {
        if (id == null) {
            return; // the schema reports it
        }
        if (kind == HsdsKind.ORGANIZATION || kind == HsdsKind.SERVICE) {
            if (!SLUG.matcher(id).matches()) {
                error(path + "/id", "must be 1 to 64 characters among a-z, 0-9 and - (e.g. a lower-case UUID)");
            }
        } else if (id.isEmpty() || id.length() > 128) {
            error(path + "/id", "must be 1 to 128 characters");
        }
    }

    /**
     * A GeoJSON extent must be a Polygon or MultiPolygon that PostGIS can read. An extent of type geojson that is not
     * JSON at all (Open Referral's examples put the word "extent") places nothing: it stays in the document only.
     */
    private void checkExtent(ObjectNode doc, String path, Map<String, String> links) {
        String type = doc.path("extent_type").asText("");
        String extent = doc.path("extent").asText(null);
        if (!type.equalsIgnoreCase("geojson") || extent == null) {
            return;
        }
        if (!extent.strip().startsWith("{")) {
            links.put("placeholder_extent", "true");
            return;
        }
        String problem;
        try {
            problem = GeoJson.problem(MAPPER.readTree(extent));
        } catch (Exception e) {
            problem = "is not valid JSON";
        }
        if (problem != null) {
            error(path + "/extent", "GeoJSON " + problem);
        }
    }

    private void errors(List<Problem.FieldError> found) {
        for (Problem.FieldError e : found) {
            error(e.field(), e.message());
        }
    }

    private void error(String field, String message) {
        errorCount++;
        if (errors.size() < maxErrors) {
            errors.add(new Problem.FieldError(field, message));
        }
    }
}
